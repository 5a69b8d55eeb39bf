package dev.openesc.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.backend.Backends;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COMPAT's locale data is asked first only where nothing esc prints changes (docs/decisions.md 19): the decision
 * itself, and the output of the commands that print times and numbers, from JVMs that make each choice.
 */
class LocaleDataTest {
    private static final Locale EN = Locale.ENGLISH;

    @TempDir
    Path home;

    @Test
    void compatGoesFirstOnlyOnQuietJavaVersionsWithEnglishLocalesAndNoChoiceMade() {
        assertThat(LocaleData.compatReadsTheSame(null, "17", EN, EN, EN, "UTC")).isTrue();
        assertThat(LocaleData.compatReadsTheSame(null, "20", Locale.US, Locale.US, Locale.US, "Europe/Berlin"))
                .isTrue();
        // The user's own choice stands, an empty one too (the JDK's default).
        assertThat(LocaleData.compatReadsTheSame("", "17", EN, EN, EN, "UTC")).isFalse();
        assertThat(LocaleData.compatReadsTheSame("CLDR", "17", EN, EN, EN, "UTC")).isFalse();
        // 21 warns about COMPAT, 23 has none.
        assertThat(LocaleData.compatReadsTheSame(null, "21", EN, EN, EN, "UTC")).isFalse();
        assertThat(LocaleData.compatReadsTheSame(null, "25", EN, EN, EN, "UTC")).isFalse();
        assertThat(LocaleData.compatReadsTheSame(null, null, EN, EN, EN, "UTC")).isFalse();
        // Other locales, in any category, and the zones whose names differ.
        assertThat(LocaleData.compatReadsTheSame(null, "17", Locale.GERMANY, EN, EN, "UTC")).isFalse();
        assertThat(LocaleData.compatReadsTheSame(null, "17", EN, Locale.UK, EN, "UTC")).isFalse();
        assertThat(LocaleData.compatReadsTheSame(null, "17", EN, EN, new Locale("ar", "EG"), "UTC")).isFalse();
        assertThat(LocaleData.compatReadsTheSame(null, "17", new Locale("en", "US", "POSIX"), EN, EN, "UTC"))
                .isFalse();
        assertThat(LocaleData.compatReadsTheSame(null, "17", Locale.forLanguageTag("en-u-nu-arab"), EN, EN, "UTC"))
                .isFalse();
        assertThat(LocaleData.compatReadsTheSame(null, "17", EN, EN, EN, "America/Adak")).isFalse();
    }

    /** Every zone whose short English names differ between the two is on the list that keeps CLDR first. */
    @Test
    void theZonesNamedOtherwiseAreAllThereAre() throws Exception {
        String cldr = runJava("-Djava.locale.providers=", ZoneNames.class.getName());
        String compat = runJava("-Djava.locale.providers=" + LocaleData.COMPAT_FIRST, ZoneNames.class.getName());
        List<String> cldrLines = cldr.lines().toList();
        List<String> compatLines = compat.lines().toList();
        assertThat(compatLines).hasSameSizeAs(cldrLines).hasSizeGreaterThan(1000);
        TreeSet<String> differing = new TreeSet<>();
        for (int i = 0; i < cldrLines.size(); i++) {
            if (!cldrLines.get(i).equals(compatLines.get(i))) {
                differing.add(cldrLines.get(i).split(" ")[1]);
            }
        }
        assertThat(LocaleData.ZONES_NAMED_OTHERWISE).containsAll(differing);
    }

    /**
     * The commands that print times (local and UTC) and numbers (a diagnostic's line numbers) print the same bytes
     * from a JVM that chose COMPAT as from one left with the JDK's default. The first also says which it chose: a
     * JVM on Java 17 to 20 in English with a plain zone picks COMPAT, so the comparison is not of two alike.
     */
    @Test
    void theCommandsPrintTheSameWithEitherData() throws Exception {
        EscHarness esc = new EscHarness(home);
        esc.ok("env", "init", "app");
        esc.ok("env", "set", "app", "count", "1234567");
        esc.ok("env", "set", "app", "ratio", "0.25");
        esc.ok("env", "set", "app", "password", "hunter2", "--secret");
        esc.ok("env", "version", "tag", "app@stable", "2");
        esc.ok("env", "tag", "app", "team", "payments");
        esc.ok("env", "init", "broken");
        Files.writeString(home.resolve("broken.yaml"), "values:\n  a: ${missing}\n  b:\n    fn::join: [1, 2]\n");

        String chosen = runJava(null, CommandOutputs.class.getName(), home.toString());
        String left = runJava("-Djava.locale.providers=", CommandOutputs.class.getName(), home.toString());
        String feature = System.getProperty("java.specification.version");
        assertThat(chosen.lines().findFirst()).contains("providers: "
                + (List.of("17", "18", "19", "20").contains(feature) ? LocaleData.COMPAT_FIRST : "null"));
        assertThat(left.lines().findFirst()).contains("providers: ");
        assertThat(chosen.lines().skip(1).toList()).isEqualTo(left.lines().skip(1).toList());
        assertThat(chosen).contains("Date:   ").contains("+0000 UTC").contains("EST").contains("1234567")
                .contains("Last updated at ").contains("   2:   a: ${missing}");
    }

    /** Runs {@code main} in a JVM of its own, in English and New York time; returns what it printed. */
    private static String runJava(String providers, String main, String... args) throws IOException,
            InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-Duser.language=en");
        argv.add("-Duser.country=");
        argv.add("-Duser.timezone=America/New_York");
        if (providers != null) {
            argv.add(providers);
        }
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(main);
        argv.addAll(List.of(args));
        // Only what esc prints: the test class path's second SLF4J provider makes SLF4J warn on stderr.
        Process process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    /** Prints every zone's short English names, standard and daylight, as {@code env version} prints times. */
    public static final class ZoneNames {
        public static void main(String[] args) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.US)) {
                DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z", locale);
                for (String zone : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
                    for (int year : new int[] {1970, 2000, 2026}) {
                        for (int month : new int[] {1, 7}) {
                            System.out.println(locale + " " + zone + " "
                                    + format.format(ZonedDateTime.of(year, month, 15, 12, 0, 0, 0, ZoneId.of(zone))));
                        }
                    }
                }
            }
        }
    }

    /** Makes the choice as esc does, says what it was, then runs the commands that print times and numbers. */
    public static final class CommandOutputs {
        public static void main(String[] args) {
            LocaleData.preferCompatWhereSame();
            System.out.println("providers: " + System.getProperty(LocaleData.PROVIDERS));
            Map<String, String> environ = new HashMap<>(System.getenv());
            environ.put("ESC_HOME", args[0]);
            environ.put("ESC_LOCAL_USER", "tester");
            String[][] commands = {
                {"env", "version", "history", "app"},
                {"env", "version", "history", "app", "--utc"},
                {"env", "version", "tag", "ls", "app"},
                {"env", "tag", "get", "app", "team"},
                {"env", "tag", "ls", "app", "--utc"},
                {"env", "get", "app"},
                {"env", "edit", "broken", "-f", Path.of(args[0], "broken.yaml").toString()},
                {"env", "ls"},
                {"env", "get", "app", "--value", "nonsense"},
                {"env", "version", "history"},
            };
            for (String[] command : commands) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PrintStream print = new PrintStream(out, true, UTF_8);
                Workspace workspace = new Workspace(new ByteArrayInputStream(new byte[0]), print, print, environ,
                        Path.of(args[0]), Backends.OPEN);
                int status = Esc.execute(workspace, command);
                System.out.println("$ esc " + String.join(" ", command) + " (" + status + ")");
                System.out.print(out.toString(UTF_8));
            }
            System.out.flush();
            System.exit(0);
        }
    }
}
