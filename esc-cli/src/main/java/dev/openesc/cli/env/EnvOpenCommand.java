package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.Workspace;
import dev.openesc.cli.backend.Backend;
import dev.openesc.cli.render.OutputFormat;
import dev.openesc.cli.render.ValuePaths;
import dev.openesc.cli.render.ValueRenderer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc open} and {@code esc env open}: opens an environment and prints its values. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Open the environment with the given name.",
            "",
            "Opens the environment (providers run, secrets are decrypted) and prints the result, by default",
            "as JSON. With PATH, prints only that property. dotenv and shell print the environment",
            "variables and files (written to private temporary files) that `esc run` would set."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:opened", "1:unknown environment, evaluation errors, or another failure",
            "2:usage error"})
public final class EnvOpenCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>[@<version>]")
    private String name;

    @Parameters(index = "1", paramLabel = "PATH", arity = "0..1")
    private String path;

    @Option(names = {"-l", "--lifetime"}, paramLabel = "DURATION", defaultValue = "2h",
            description = "the lifetime of the opened environment, e.g. 2h, 1h30m, 15m (default ${DEFAULT-VALUE})")
    private String lifetime;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "the output format: json, yaml, detailed, dotenv, shell or string (default ${DEFAULT-VALUE})")
    private String format;

    public EnvOpenCommand() {}

    /** The command picocli makes of the same words, on {@code workspace} ({@link SimpleForms}). */
    EnvOpenCommand(Workspace workspace, String name, String path, String lifetime, String format) {
        bind(workspace);
        this.name = name;
        this.path = path;
        this.lifetime = lifetime;
        this.format = format;
    }

    /** What the command line set ({@code SimpleFormsTest} compares picocli's with {@link SimpleForms}'). */
    List<Object> arguments() {
        return Arrays.asList(name, path, lifetime, format);
    }

    @Override
    public Integer call() throws IOException {
        EnvironmentRef ref = existingRef(name);
        List<Object> accessors = ValuePaths.parse(path, "invalid property path " + path);
        OutputFormat f = OutputFormat.parse(format);
        if (f.isProjection() && !accessors.isEmpty()) {
            throw new EscException("output format '" + f.label() + "' may not be used with a property path");
        }
        Backend.Checked opened = backend().open(ref.name(), ref.version(), Lifetimes.parse(lifetime));
        if (!opened.diagnostics().isEmpty()) {
            printShortDiagnostics(opened.diagnostics());
            if (opened.hasErrors()) {
                return ExitCodes.FAILURE;
            }
        }
        ValueRenderer.render(out(), opened.environment(), accessors, f, true, false, temporaryFolder());
        return ExitCodes.OK;
    }

    private java.nio.file.Path temporaryFolder() {
        String tmp = workspace().getenv("TMPDIR");
        return tmp == null || tmp.isEmpty() ? null : java.nio.file.Path.of(tmp);
    }
}
