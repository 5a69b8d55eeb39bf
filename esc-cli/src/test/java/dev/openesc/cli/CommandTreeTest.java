package dev.openesc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

    private Workspace workspace() {
        return new EscHarness(home).workspace();
    }
}
