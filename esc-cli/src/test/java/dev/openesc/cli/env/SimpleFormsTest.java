package dev.openesc.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.Esc;
import dev.openesc.cli.EscHarness;
import dev.openesc.cli.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The plain forms that {@link SimpleForms} reads without picocli: over a table of command lines, each one it
 * accepts picocli parses, without error or help request, to the same command with the same values; and it
 * accepts the forms it is there for (so that start-up does not silently fall back to picocli's model).
 */
class SimpleFormsTest {
    /** Command lines read without picocli (words split on spaces, {@code ''} an empty word). */
    private static final List<String> SIMPLE = List.of(
            "env get app",
            "env get app a.b",
            "env get proj/app@3 a[0].b",
            "env get org/proj/app@stable",
            "env get app --value json",
            "env get app --value=dotenv",
            "env get --value json app",
            "env get app --value ''",
            "env get app --definition",
            "env get app --show-secrets --definition",
            "env get app a.b --show-secrets --value string",
            "env get -- app",
            "env get app -- --odd-path",
            "open app",
            "open app a.b",
            "open app --format dotenv",
            "open app -f shell -l 1h",
            "open app a.b --lifetime=30m --format=yaml",
            "open -f string app x",
            "env open app",
            "env open app -f json --lifetime 2h",
            "run app -- true",
            "run app true",
            "run app -- sh -c echo",
            "run app -- ls -l --help -i",
            "run -i app -- vim",
            "run app -l 1h -- true",
            "run --lifetime=15m app -- true",
            "run --env a --env b -- printenv",
            "run --env=a --env b app -- printenv",
            "run --env a -- ls -l",
            "run app ls -l 5m",
            "run app printenv -i",
            "run app -- -- x",
            "run -- true",
            "run",
            "env run app -- true",
            "env run -i --env x -- env");

    /** Command lines left to picocli: help, errors, and forms it reads in ways not worth repeating. */
    private static final List<String> PICOCLI = List.of(
            "env get",
            "env get a b c",
            "env get app --help",
            "env get app -h",
            "env get app -V",
            "env get app --value",
            "env get app --value=",
            "env get app --value --definition",
            "env get app --value json --value yaml",
            "env get app --definition --definition",
            "env get app --definition=true",
            "env get app --nosuch",
            "env get @args",
            "env get app -",
            "get app",
            "env",
            "env ls",
            "env set app a b",
            "open",
            "open a b c",
            "open app -fjson",
            "open app -f=json",
            "open app --format",
            "open app -f -l",
            "run -il app -- true",
            "run -i -i app -- true",
            "run app --help",
            "run app --lifetime -- true",
            "run app -- cat @file",
            "run -x app",
            "env run --env",
            "",
            "--help",
            "version");

    @TempDir
    Path home;

    @Test
    void whatItAcceptsPicocliParsesToTheSameCommand() {
        Workspace workspace = new EscHarness(home).workspace();
        for (String line : SIMPLE) {
            String[] args = words(line);
            Callable<Integer> simple = SimpleForms.parse(args, workspace);
            assertThat(simple).as("esc %s is read without picocli", line).isNotNull();
            CommandLine cl = Esc.commandLine(workspace);
            ParseResult parsed = cl.parseArgs(args);
            while (parsed.hasSubcommand()) {
                assertThat(parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()).as(line).isFalse();
                parsed = parsed.subcommand();
            }
            assertThat(parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()).as(line).isFalse();
            Object picocli = parsed.commandSpec().userObject();
            assertThat(picocli).as(line).hasSameClassAs(simple);
            assertThat(arguments(simple)).as("esc %s", line).isEqualTo(arguments(picocli));
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        Workspace workspace = new EscHarness(home).workspace();
        for (String line : PICOCLI) {
            assertThat(SimpleForms.parse(words(line), workspace)).as("esc %s goes to picocli", line).isNull();
        }
    }

    /** The same failure through both paths: a usage error that the command itself finds ({@code --} first). */
    @Test
    void aCommandsOwnUsageErrorIsTheSameThroughBothPaths() {
        EscHarness esc = new EscHarness(home);
        EscHarness.Result simple = esc.run("run", "--", "true");
        // An @ word sends the same command line to picocli (no such file: picocli keeps the word as it is).
        EscHarness.Result picocli = esc.run("run", "--", "true", "@" + home.resolve("none"));
        assertThat(simple.status()).isEqualTo(picocli.status()).isEqualTo(2);
        assertThat(simple.err()).isEqualTo(picocli.err()).isEqualTo("Error: no environment specified\n");
    }

    private static List<Object> arguments(Object command) {
        if (command instanceof EnvGetCommand c) {
            return c.arguments();
        }
        if (command instanceof EnvOpenCommand c) {
            return c.arguments();
        }
        return ((EnvRunCommand) command).arguments();
    }

    private static String[] words(String line) {
        if (line.isEmpty()) {
            return new String[0];
        }
        String[] words = line.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("''")) {
                words[i] = "";
            }
        }
        return words;
    }
}
