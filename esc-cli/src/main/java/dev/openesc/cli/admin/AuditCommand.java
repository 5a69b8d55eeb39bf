package dev.openesc.cli.admin;

import dev.openesc.api.AuditEntry;
import dev.openesc.api.AuditQuery;
import dev.openesc.api.Page;
import dev.openesc.cli.ExitCodes;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code esc audit ls}: an organization's audit log, newest first, for its admins. An OpenESC command. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read the audit log (OpenESC).",
        subcommands = {AuditCommand.Ls.class})
public final class AuditCommand {

    @Command(name = "ls", mixinStandardHelpOptions = true,
            description = "List audit events, newest first: time, who, what, which environment, from where.")
    public static final class Ls extends OrgCommand.OrgOption implements Callable<Integer> {
        @Option(names = "--since", paramLabel = "WHEN",
                description = "only events since then: a duration ago (24h, 7d), a date or an RFC 3339 time")
        private String since;

        @Option(names = "--until", paramLabel = "WHEN", description = "only events before then (same forms)")
        private String until;

        @Option(names = "--event", paramLabel = "TYPE", description = "only events of this type, e.g. environment_open")
        private String event;

        @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "100",
                description = "at most this many events (default: ${DEFAULT-VALUE})")
        private int limit;

        @Override
        public Integer call() {
            Instant now = Instant.now();
            String token = null;
            int shown = 0;
            do {
                Page<AuditEntry> page = backend().auditEvents(org(), new AuditQuery(ago("--since", since, now), ago("--until", until, now),
                        event, token, Math.min(Math.max(limit - shown, 1), 1000)));
                for (AuditEntry e : page.items()) {
                    if (shown++ >= limit) {
                        return ExitCodes.OK;
                    }
                    out().println(line(e));
                }
                token = page.nextToken();
            } while (token != null && shown < limit);
            return ExitCodes.OK;
        }

        /** A time option: a duration counts back from now, anything else is a point in time. */
        private static Instant ago(String option, String text, Instant now) {
            if (text == null || text.isBlank()) {
                return null;
            }
            Instant parsed = TokenCommand.expiry(option, text, now);
            return TokenCommand.isDuration(text) ? now.minus(java.time.Duration.between(now, parsed)) : parsed;
        }

        private static String line(AuditEntry e) {
            StringBuilder b = new StringBuilder().append(e.at()).append("  ").append(e.actor()).append("  ")
                    .append(e.action().toLowerCase(java.util.Locale.ROOT));
            if (e.environment() != null) {
                b.append("  ").append(e.project()).append('/').append(e.environment());
                if (e.revision() != null) {
                    b.append('@').append(e.revision());
                }
            }
            if (e.detail() != null) {
                b.append("  ").append(e.detail());
            }
            if (e.source() != null) {
                b.append("  from ").append(e.source());
            }
            return b.toString();
        }
    }
}
