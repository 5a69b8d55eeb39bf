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
import dev.openesc.core.syntax.encoding.YamlNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the {@code esc env provider <cloud>-login static|oidc} commands share: the environment argument, the options
 * {@code --path}, {@code --create} and {@code --draft}, and writing the provider block into the definition with the
 * editor {@code env set} uses (comments and layout elsewhere stay). A block already at the path is replaced whole,
 * so running a command again with fewer options drops the ones left out.
 */
// The exit statuses of every provider command, inherited by their @Command (picocli applies a superclass's first).
@Command(exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:written", "1:unknown environment (without --create), bad argument, definition errors",
            "2:usage error"})
abstract class ProviderSetupCommand extends EnvironmentCommand implements Callable<Integer> {
    @Option(names = "--path", paramLabel = "PATH",
            description = "property path under `values` where the provider block is written (default: aws.login,"
                    + " azure.login or gcp.login, after the cloud)")
    private String path;

    @Option(names = "--create", description = "create the environment if it does not already exist")
    private boolean create;

    @Option(names = "--draft", arity = "0..1", fallbackValue = "new", paramLabel = "CHANGE-REQUEST-ID",
            description = "create a draft (change request) instead of saving, or update the one given; not supported"
                    + " by OpenESC")
    private String draft;

    /** The command line's arguments: the environment, then {@link #argumentNames()}. */
    protected abstract List<String> arguments();

    /** The arguments after the environment, as the usage names them ({@code <access-key-id>}). */
    protected abstract List<String> argumentNames();

    /** The path under {@code values} when {@code --path} is not given. */
    protected abstract String defaultPath();

    /** The block to write, from the arguments after the environment (as many as {@link #argumentNames()}). */
    protected abstract YamlNode block(List<String> args);

    @Override
    public final Integer call() {
        List<String> args = arguments();
        int wanted = argumentNames().size();
        if (args.size() < wanted || args.size() > wanted + 1) {
            throw new EscException("accepts between " + wanted + " and " + (wanted + 1) + " arg(s), received "
                    + args.size());
        }
        if (draft != null) {
            throw new EscException("drafts (change requests) are not supported");
        }
        EnvironmentRef ref = existingRef(args.get(0));
        if (ref.hasVersion()) {
            throw new EscException("the provider command does not accept versions");
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.size() != wanted) {
            throw new EscException("expected " + expected());
        }
        YamlNode block = block(rest);
        String pathText = path == null ? defaultPath() : path;
        List<Object> at = ValuePaths.parse(pathText, "invalid --path");
        if (at.isEmpty()) {
            throw new EscException("path must contain at least one element");
        }
        if (create && !backend().exists(ref.name())) {
            try {
                backend().create(ref.name(), new byte[0]);
            } catch (BackendException e) {
                throw new EscException("creating environment: " + e.getMessage());
            }
            out().println("Environment created: " + ref);
        }
        write(ref, at, block);
        return ExitCodes.OK;
    }

    private void write(EnvironmentRef ref, List<Object> at, YamlNode block) {
        Backend.Definition def;
        try {
            def = backend().definition(ref.name(), null, false);
        } catch (BackendException e) {
            throw new EscException("getting environment definition: " + e.getMessage());
        }
        YamlEditor editor = Definitions.edit(ref.env(), def.yaml());
        List<Object> full = new ArrayList<>(at);
        full.add(0, "values");
        try {
            editor.set(new PropertyPath(full), block);
        } catch (YamlEditException e) {
            // The path in the message is the user's --path, without the values key put in front, as env set says it.
            String message = e.getMessage();
            throw new EscException(message.startsWith("values.") ? message.substring("values.".length()) : message);
        }
        List<Diagnostic> diags;
        try {
            diags = backend().update(ref.name(), editor.encode(2).getBytes(StandardCharsets.UTF_8), def.etag());
        } catch (BackendException e) {
            throw new EscException("updating environment definition: " + e.getMessage());
        }
        if (diags.isEmpty()) {
            out().println("Provider updated.");
            return;
        }
        printShortDiagnostics(diags);
        if (hasErrors(diags)) {
            throw new EscException("provider update failed");
        }
    }

    /** {@code <a> and <b>} for two arguments, else the names separated by spaces, as the reference words it. */
    private String expected() {
        List<String> names = argumentNames();
        return names.size() == 2 ? names.get(0) + " and " + names.get(1) : String.join(" ", names);
    }
}
