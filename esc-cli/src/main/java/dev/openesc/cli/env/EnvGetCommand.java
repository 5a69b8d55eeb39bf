package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.Workspace;
import dev.openesc.cli.backend.Backend;
import dev.openesc.cli.render.IndentedJson;
import dev.openesc.cli.render.OutputFormat;
import dev.openesc.cli.render.ValuePaths;
import dev.openesc.cli.render.ValueRenderer;
import dev.openesc.core.syntax.encoding.YamlNode;
import dev.openesc.core.value.Expr;
import dev.openesc.core.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc env get}: the value and definition of an environment or of one property, as Markdown sections; or
 * only the value ({@code --value}) or only the definition ({@code --definition}).
 */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Get a value within an environment.",
            "",
            "Prints the value and definition of the environment, or of the property at PATH, with where it",
            "is defined. Static secrets are shown as [secret] unless --show-secrets is given."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed; nothing for a path that has no value, as in the reference",
            "1:unknown environment or version, a path that does not parse, or another failure",
            "2:usage error"})
public final class EnvGetCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>[@<version>]")
    private String name;

    @Parameters(index = "1", paramLabel = "PATH", arity = "0..1", description = "a property path, e.g. a.b[0]")
    private String path;

    @Option(names = "--value", paramLabel = "FORMAT",
            description = "print just the value in the given format: json, detailed, dotenv, shell or string")
    private String value;

    @Option(names = "--definition", description = "print just the definition")
    private boolean definition;

    @Option(names = "--show-secrets", description = "show static secrets in plaintext rather than ciphertext")
    private boolean showSecrets;

    public EnvGetCommand() {}

    /** The command picocli makes of the same words, on {@code workspace} ({@link SimpleForms}). */
    EnvGetCommand(Workspace workspace, String name, String path, String value, boolean definition,
            boolean showSecrets) {
        bind(workspace);
        this.name = name;
        this.path = path;
        this.value = value;
        this.definition = definition;
        this.showSecrets = showSecrets;
    }

    /** What the command line set ({@code SimpleFormsTest} compares picocli's with {@link SimpleForms}'). */
    List<Object> arguments() {
        return Arrays.asList(name, path, value, definition, showSecrets);
    }

    @Override
    public Integer call() throws IOException {
        if (value != null && definition) {
            throw new EscException("`--value` and `--definition` flags cannot be used together");
        }
        EnvironmentRef ref = existingRef(name);
        List<Object> accessors = ValuePaths.parse(path, "invalid path");
        OutputFormat format = null;
        if (value != null) {
            format = value.isEmpty() ? null : OutputFormat.parse(value);
            if (format == OutputFormat.YAML) {
                throw new EscException("unknown output format \"" + value + "\"");
            }
            if (format != null && format.isProjection() && !accessors.isEmpty()) {
                throw new EscException("output format '" + format.label() + "' may not be used with a property path");
            }
        }
        Backend.Definition def;
        try {
            def = backend().definition(ref.name(), ref.version(), showSecrets);
        } catch (dev.openesc.cli.backend.BackendException e) {
            throw new EscException("getting environment definition: " + e.getMessage());
        }
        if (definition) {
            printDefinition(ref, def.yaml(), accessors);
            return ExitCodes.OK;
        }
        if (format != null) {
            Backend.Checked checked = backend().check(ref.org(), ref.env(), def.yaml(), showSecrets);
            ValueRenderer.render(out(), checked.environment(), accessors, format, showSecrets, true, null);
            return ExitCodes.OK;
        }
        Sections sections = accessors.isEmpty() ? whole(ref, def.yaml()) : member(ref, def.yaml(), accessors);
        if (sections != null) {
            out().print(sections.markdown());
        }
        return ExitCodes.OK;
    }

    private void printDefinition(EnvironmentRef ref, byte[] yaml, List<Object> accessors) {
        YamlNode content = Definitions.content(Definitions.edit(ref.env(), yaml));
        if (accessors.isEmpty()) {
            if (content != null) {
                out().print(Definitions.encode(content));
            }
            return;
        }
        YamlNode node = accessors.get(0).equals("imports") ? Definitions.get(content, accessors)
                : Definitions.get(Definitions.get(content, List.of("values")), accessors);
        if (node != null) {
            out().print(Definitions.encode(node));
        }
    }

    private Sections whole(EnvironmentRef ref, byte[] yaml) {
        // The printed definition comes from the editor's tree, a second parse of the same bytes: it runs on a thread
        // of its own while this one checks the definition (whose evaluation runs on the evaluator's thread while
        // this one waits), and the two parses overlap. Its failure or an empty document still decides first, as
        // when the definition was read before the check.
        FutureTask<String> printed = new FutureTask<>(new PrintedDefinition(ref.env(), yaml));
        Thread printer = new Thread(printed, "esc-definition");
        printer.setDaemon(true);
        printer.start();
        Backend.Checked checked = null;
        RuntimeException checkFailed = null;
        try {
            checked = backend().check(ref.org(), ref.env(), yaml, showSecrets);
        } catch (RuntimeException e) {
            checkFailed = e;
        }
        String definitionText = joined(printed);
        if (definitionText == null) {
            // An empty definition: no sections, as the reference prints it.
            return new Sections("", "", List.of());
        }
        if (checkFailed != null) {
            throw checkFailed;
        }
        if (checked.environment() == null) {
            return null;
        }
        Map<String, Value> props = checked.environment().properties();
        String json = IndentedJson.plain(Value.ofMap(props == null ? Map.of() : props), !showSecrets);
        return new Sections(json, definitionText, List.of());
    }

    /**
     * The definition as {@code env get} prints it, from the editor's tree. A class rather than a lambda: each lambda
     * is linked by a bootstrap of its own the first time it runs, here at every start (docs/decisions.md 25).
     */
    private record PrintedDefinition(String env, byte[] yaml) implements Callable<String> {
        @Override
        public String call() {
            YamlNode content = Definitions.content(Definitions.edit(env, yaml));
            return content == null ? null : Definitions.encode(content);
        }
    }

    /** What {@code task} returned, or what it threw, as thrown. */
    private static <T> T joined(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EscException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Sections member(EnvironmentRef ref, byte[] yaml, List<Object> accessors) {
        YamlNode content = Definitions.content(Definitions.edit(ref.env(), yaml));
        if (content == null) {
            return null;
        }
        if (accessors.get(0).equals("imports")) {
            YamlNode node = Definitions.get(content, accessors);
            return node == null ? null : new Sections("", Definitions.encode(node), List.of());
        }
        Backend.Checked checked = backend().check(ref.org(), ref.env(), yaml, showSecrets);
        if (checked.environment() == null) {
            return null;
        }
        Map<String, Value> props = checked.environment().properties();
        Value found = ValuePaths.get(Value.ofMap(props == null ? Map.of() : props), accessors);
        String json = found == null ? "" : IndentedJson.plain(found, !showSecrets);
        List<String> stack = new ArrayList<>();
        if (found != null) {
            for (Value v = found; v != null; v = v.trace() == null ? null : v.trace().base()) {
                addRange(stack, ref, v.trace() == null ? null : v.trace().def());
            }
        }
        String definitionText = "";
        YamlNode node = Definitions.get(Definitions.get(content, List.of("values")), accessors);
        if (node != null) {
            definitionText = Definitions.encode(node);
            Expr expr = ExprPaths.get(checked.environment().exprs(), accessors);
            if (expr != null) {
                stack.clear();
                for (Expr x = expr; x != null; x = x.base()) {
                    addRange(stack, ref, x.range());
                }
            }
        }
        return new Sections(json, definitionText, stack);
    }

    private static void addRange(List<String> stack, EnvironmentRef ref, dev.openesc.core.value.Range range) {
        if (range == null) {
            return;
        }
        String env = range.environment();
        if (env.equals("<yaml>") || env.isEmpty()) {
            env = ref.env();
        }
        stack.add(env + ":" + range.begin().line() + ":" + range.begin().column());
    }

    /** The Markdown the reference prints: Value, Definition and Defined at, each only when it has content. */
    private record Sections(String value, String definition, List<String> stack) {
        String markdown() {
            StringBuilder b = new StringBuilder();
            if (!value.isEmpty()) {
                b.append("# Value\n```json\n").append(value).append("\n```\n");
            }
            if (!definition.isEmpty()) {
                b.append("# Definition\n```yaml\n").append(definition).append("\n```\n");
            }
            if (!stack.isEmpty()) {
                b.append("\n# Defined at\n");
                stack.forEach(s -> b.append("- ").append(s).append('\n'));
            }
            b.append('\n');
            return b.toString();
        }
    }
}
