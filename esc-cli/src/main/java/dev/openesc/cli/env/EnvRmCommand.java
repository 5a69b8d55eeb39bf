package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.Backend;
import dev.openesc.cli.backend.BackendException;
import dev.openesc.cli.render.ValuePaths;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.encoding.PropertyPath;
import dev.openesc.core.syntax.encoding.YamlEditException;
import dev.openesc.core.syntax.encoding.YamlEditor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code esc env rm}: removes an environment (after confirmation) or one value of its definition. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {"Remove an environment or a value from an environment.",
            "",
            "Without PATH, removes the environment after asking to type its name (-y skips the question)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:removed",
            "1:unknown environment, deletion protection on, confirmation declined, or another failure",
            "2:usage error"})
public final class EnvRmCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>")
    private String name;

    @Parameters(index = "1", paramLabel = "PATH", arity = "0..1")
    private String path;

    @Option(names = {"-y", "--yes"}, description = "skip confirmation prompts, and proceed with removal anyway")
    private boolean yes;

    @Override
    public Integer call() throws IOException {
        EnvironmentRef ref = existingUnversionedRef(name, "rm");
        if (path == null) {
            String slug = ref.name().toString();
            if (!yes && !"true".equalsIgnoreCase(workspace().getenv("PULUMI_SKIP_CONFIRMATIONS")) && !confirm(slug)) {
                throw new EscException("confirmation declined");
            }
            try {
                backend().delete(ref.name());
            } catch (BackendException e) {
                if (e.kind() == BackendException.Kind.DELETION_PROTECTED) {
                    throw new EscException("cannot delete environment: deletion protection is enabled. Disable "
                            + "deletion protection with 'esc env settings set " + slug + " deletion-protected false'"
                            + " before deleting");
                }
                throw e;
            }
            out().println("Environment \"" + slug + "\" has been removed!");
            return ExitCodes.OK;
        }
        List<Object> accessors = ValuePaths.parse(path, "invalid path");
        Backend.Definition def = backend().definition(ref.name(), null, false);
        YamlEditor editor = Definitions.edit(ref.env(), def.yaml());
        if (Definitions.get(Definitions.content(editor), List.of("values")) == null) {
            return ExitCodes.OK;
        }
        List<Object> full = new ArrayList<>(accessors);
        full.add(0, "values");
        try {
            editor.delete(new PropertyPath(full));
        } catch (YamlEditException e) {
            throw new EscException(e.getMessage());
        }
        List<Diagnostic> diags = backend().update(ref.name(),
                editor.encode(2).getBytes(StandardCharsets.UTF_8), def.etag());
        if (!diags.isEmpty()) {
            printShortDiagnostics(diags);
            return hasErrors(diags) ? ExitCodes.FAILURE : ExitCodes.OK;
        }
        return ExitCodes.OK;
    }

    private boolean confirm(String slug) throws IOException {
        err().println("This will permanently remove the \"" + slug + "\" environment!");
        err().print("Please confirm that this is what you'd like to do by typing `" + slug + "`: ");
        err().flush();
        String line = new BufferedReader(new InputStreamReader(workspace().in(), StandardCharsets.UTF_8)).readLine();
        return slug.equals(line == null ? null : line.trim());
    }
}
