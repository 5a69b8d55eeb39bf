package dev.openesc.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code esc completion bash|zsh}: prints a completion script. picocli's script is written for bash and also works
 * in zsh through {@code bashcompinit}, which it loads itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Generate the autocompletion script for the specified shell",
            "",
            "bash:  source <(esc completion bash)",
            "zsh:   source <(esc completion zsh)"})
public final class CompletionCommand extends WorkspaceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    private String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new EscException("unsupported shell \"" + shell + "\": use bash or zsh");
        }
        CommandLine root = spec.root().commandLine();
        out().print(AutoComplete.bash("esc", root));
        return ExitCodes.OK;
    }
}
