package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code esc env diff}: not available yet; says so instead of printing nothing. */
@Command(name = "diff", mixinStandardHelpOptions = true, hidden = true,
        description = "Show changes between versions (not available yet).")
public final class EnvDiffCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(arity = "0..*")
    private java.util.List<String> args;

    @Override
    public Integer call() {
        throw new EscException("env diff is not available yet");
    }
}
