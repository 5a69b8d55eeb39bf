package dev.openesc.cli.admin;

import dev.openesc.api.AccessTokenInfo;
import dev.openesc.api.NewAccessToken;
import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.env.EnvironmentCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc token create|ls|rm}: the caller's access tokens. An OpenESC command (the reference manages
 * tokens in the Pulumi Cloud console). A new token's secret is printed once, alone on stdout, so that a
 * script can capture it; the server keeps only its hash.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage your access tokens (OpenESC).",
        subcommands = {TokenCommand.Create.class, TokenCommand.Ls.class, TokenCommand.Rm.class})
public final class TokenCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an access token; its value is shown this once.")
    public static final class Create extends EnvironmentCommand implements Callable<Integer> {
        @Option(names = {"-d", "--description"}, required = true, paramLabel = "TEXT",
                description = "what the token is for")
        private String description;

        @Option(names = "--expires", paramLabel = "WHEN",
                description = "when it stops working: a duration (90d, 12h, 30m) or a date (2027-01-31) or an "
                        + "RFC 3339 time; default: never")
        private String expires;

        @Override
        public Integer call() {
            NewAccessToken created = backend().createToken(description, expiry("--expires", expires, Instant.now()));
            err().println("Created token " + created.token().id() + ". Its value is shown only this once:");
            out().println(created.secret());
            return ExitCodes.OK;
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List your access tokens.")
    public static final class Ls extends EnvironmentCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            List<AccessTokenInfo> tokens = backend().tokens();
            Instant now = Instant.now();
            for (AccessTokenInfo t : tokens) {
                out().println(String.join("  ", t.id(), status(t, now), "created " + day(t.created()),
                        "expires " + (t.expires() == null ? "never" : day(t.expires())),
                        "last used " + (t.lastUsed() == null ? "never" : day(t.lastUsed())),
                        t.description() == null ? "" : t.description()).stripTrailing());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            description = "Revoke an access token: requests that present it fail from now on.")
    public static final class Rm extends EnvironmentCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "the token's id (see esc token ls)")
        private String id;

        @Override
        public Integer call() {
            backend().revokeToken(id);
            out().println("Revoked token " + id + ".");
            return ExitCodes.OK;
        }
    }

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})([smhd])");

    /**
     * The instant a time option names, or null when absent. The option is named in the error because three
     * commands share this parser ({@code --expires}, {@code --token-expires}, {@code --since}/{@code --until}).
     */
    static Instant expiry(String option, String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        Matcher m = DURATION.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.plus(d);
        }
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new EscException("invalid " + option + " \"" + t + "\": use a duration (90d, 12h), a date (2027-01-31) "
                    + "or an RFC 3339 time");
        }
    }

    static boolean isDuration(String text) {
        return DURATION.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
    }

    private static String status(AccessTokenInfo t, Instant now) {
        if (t.revoked() != null) {
            return "revoked";
        }
        return t.expires() != null && !now.isBefore(t.expires()) ? "expired" : "active";
    }

    private static String day(Instant instant) {
        return instant == null ? "-" : instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
