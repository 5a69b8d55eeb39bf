package dev.openesc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command tree built for one command line: only the named branch, and the same help as the whole tree. */
class CommandTreeTest {
    @TempDir
    Path home;

    @Test
    void aNamedCommandBuildsOnlyItsBranch() {
        CommandLine cl = CommandTree.forArgs(workspace(), new String[] {"env", "get", "app"});
        assertThat(cl.getSubcommands()).containsOnlyKeys("env");
        assertThat(cl.getSubcommands().get("env").getSubcommands()).containsOnlyKeys("get");
    }

    @Test
    void anythingElseBuildsTheWholeGroup() {
        CommandLine full = CommandTree.full(workspace());
        assertThat(CommandTree.forArgs(workspace(), new String[] {"--help"}).getSubcommands().keySet())
                .isEqualTo(full.getSubcommands().keySet()).contains("env", "run", "login", "help");
        assertThat(CommandTree.forArgs(workspace(), new String[] {"nosuch"}).getSubcommands().keySet())
                .isEqualTo(full.getSubcommands().keySet());
        // help and completion read the whole tree
        assertThat(CommandTree.forArgs(workspace(), new String[] {"help", "env"}).getSubcommands().keySet())
                .isEqualTo(full.getSubcommands().keySet());
        CommandLine env = CommandTree.forArgs(workspace(), new String[] {"env", "--help"}).getSubcommands().get("env");
        assertThat(env.getSubcommands().keySet()).isEqualTo(full.getSubcommands().get("env").getSubcommands().keySet());
    }

    @Test
    void helpIsTheSameAsWithTheWholeTree() {
        EscHarness esc = new EscHarness(home);
        String viaHelp = esc.ok("help", "env").out();
        assertThat(esc.ok("env", "--help").out()).isEqualTo(viaHelp).contains("init").contains("get").contains("rm");
        assertThat(esc.ok("env", "get", "--help").out()).contains("Usage: esc env get");
    }

    /**
     * Picocli reads {@code ${...}} in help texts as a variable and prints null for an unknown one: walks the whole
     * tree and renders every command's --help, so a description that meant a literal {@code ${path}} shows up.
     */
    @Test
    void noHelpTextPrintsNullForAnUninterpolatedVariable() {
        EscHarness esc = new EscHarness(home);
        List<List<String>> paths = new ArrayList<>();
        collect(CommandTree.full(workspace()), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(30).contains(List.of("env", "run"), List.of("audit", "ls"));
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            String help = esc.ok(args.toArray(String[]::new)).out();
            assertThat(help).as("esc %s --help", String.join(" ", path))
                    .doesNotContainPattern("\\bnull\\b");
        }
        String run = esc.ok("run", "--help").out().replaceAll("\\s+", " ");
        assertThat(run).contains("${path} in the command's arguments").contains("($$ for a literal $)");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().name().equals(sub.getKey()) && !sub.getKey().equals("help")) {
                List<String> next = new ArrayList<>(path);
                next.add(sub.getKey());
                into.add(next);
                collect(sub.getValue(), next, into);
            }
        }
    }

    private Workspace workspace() {
        return new EscHarness(home).workspace();
    }
}
