package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.core.syntax.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc env init}: creates an environment, empty or from a file. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create an empty environment with the given name.",
            "",
            "The environment has no definition; edit it afterwards with `esc env edit` or `esc env set`,",
            "or give one with -f (`-f -` reads standard input)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:created", "1:already exists, invalid definition, or another failure", "2:usage error"})
public final class EnvInitCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>", arity = "0..1")
    private String name;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "the file to use to initialize the environment, if any. Pass `-` to read from standard input.")
    private String file;

    @Override
    public Integer call() throws IOException {
        if (name == null) {
            throw new EscException("no environment name specified");
        }
        EnvironmentRef ref = newRef(name);
        if (ref.hasVersion()) {
            throw new EscException("the init command does not accept versions");
        }
        byte[] yaml = new byte[0];
        if (file != null && !file.isEmpty()) {
            try {
                yaml = file.equals("-") ? workspace().in().readAllBytes() : Files.readAllBytes(workspace().file(file));
            } catch (IOException e) {
                throw new EscException("reading environment definition: " + e.getMessage());
            }
        }
        try {
            backend().create(ref.name(), new byte[0]);
        } catch (dev.openesc.cli.backend.BackendException e) {
            throw new EscException("creating environment: " + e.getMessage());
        }
        out().println("Environment created: " + ref.name());
        if (yaml.length != 0) {
            List<Diagnostic> diags = backend().update(ref.name(), yaml, null);
            if (!diags.isEmpty()) {
                printSourceDiagnostics(yaml, diags);
                throw new EscException("updating environment definition: too many errors");
            }
        }
        return ExitCodes.OK;
    }
}
