package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.Backend;
import dev.openesc.cli.render.ValuePaths;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.encoding.PropertyPath;
import dev.openesc.core.syntax.encoding.YamlEditException;
import dev.openesc.core.syntax.encoding.YamlEditor;
import dev.openesc.core.syntax.encoding.YamlNode;
import dev.openesc.core.schema.GoText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc env set}: sets the property at a path of the definition's {@code values} (or of {@code imports}) to a
 * YAML value, editing the definition in place so its comments and layout stay.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set a value within an environment.",
            "",
            "Fetches the definition of the environment and sets the value at PATH, read as YAML.",
            "A plaintext value that looks like a secret under a key such as 'password' is refused",
            "unless --secret or --plaintext says what it is."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:set", "1:unknown environment, invalid path or value, definition errors",
            "2:usage error"})
public final class EnvSetCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "[<org-name>/][<project-name>/]<environment-name> PATH [VALUE]", arity = "0..*")
    private List<String> args = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "read the value from FILE (- for standard input) instead of the command line")
    private String file;

    @Option(names = "--secret", description = "mark the value as secret")
    private boolean secret;

    @Option(names = "--plaintext", description = "leave the value in plaintext")
    private boolean plaintext;

    @Option(names = "--string", description = "treat the value as a string, not as YAML")
    private boolean string;

    @Override
    public Integer call() throws java.io.IOException {
        if (args.isEmpty() || args.size() > 3) {
            throw new EscException("accepts between 1 and 3 arg(s), received " + args.size());
        }
        EnvironmentRef ref = existingRef(args.get(0));
        if (ref.hasVersion()) {
            throw new EscException("the set command does not accept versions");
        }
        List<String> rest = args.subList(1, args.size());
        String text;
        if (file != null) {
            if (rest.isEmpty()) {
                throw new EscException("expected a path");
            }
            byte[] bytes = file.equals("-") ? workspace().in().readAllBytes()
                    : java.nio.file.Files.readAllBytes(workspace().file(file));
            text = Utf8.decode(bytes);
            if (text == null) {
                throw new EscException("file content must be valid UTF-8");
            }
        } else {
            if (rest.size() < 2) {
                throw new EscException("expected a path and a value");
            }
            text = rest.get(1);
        }
        List<Object> path = ValuePaths.parse(rest.get(0), "invalid path");
        if (path.isEmpty()) {
            throw new EscException("path must contain at least one element");
        }
        YamlNode value = parseValue(text);
        if (!secret && !plaintext && SecretHeuristic.looksLikeSecret(path, value)) {
            throw new EscException("value looks like a secret; rerun with --secret to mark it as such, or "
                    + "--plaintext if you meant to leave it as plaintext");
        }
        if (secret) {
            YamlNode wrapped = YamlNode.mapping();
            wrapped.content.add(YamlNode.scalar("!!str", "fn::secret"));
            wrapped.content.add(asString(value, text));
            value = wrapped;
        }
        Backend.Definition def = backend().definition(ref.name(), null, false);
        YamlEditor editor = Definitions.edit(ref.env(), def.yaml());
        List<Object> full = new ArrayList<>(path);
        if (!path.get(0).equals("imports")) {
            full.add(0, "values");
        }
        try {
            editor.set(new PropertyPath(full), value);
        } catch (YamlEditException e) {
            // Paths in messages are the user's, without the values key we put in front.
            String message = e.getMessage();
            throw new EscException(full.size() > path.size() && message.startsWith("values.")
                    ? message.substring("values.".length()) : message);
        }
        List<Diagnostic> diags = backend().update(ref.name(),
                editor.encode(2).getBytes(StandardCharsets.UTF_8), def.etag());
        if (!diags.isEmpty()) {
            // The definition is refused and its errors printed, but the status is 0 as in the reference, whose
            // scripts assert it (`esc env set ... || echo OK` prints no OK).
            printShortDiagnostics(diags);
        }
        return ExitCodes.OK;
    }

    private YamlNode parseValue(String text) {
        if (string) {
            return YamlNode.scalar("!!str", text);
        }
        if (text.isEmpty()) {
            return YamlNode.scalar("!!str", "");
        }
        YamlEditor.Loaded loaded = YamlEditor.load("value", text.getBytes(StandardCharsets.UTF_8));
        if (loaded.editor() == null) {
            var d = loaded.diagnostics().get(0);
            String summary = d.summary();
            if (summary.startsWith("yaml: ") && !summary.startsWith("yaml: line ")) {
                // yaml.v3's wording, which the reference shows: the line of the problem first.
                int line = d.subject() == null || d.subject().start().line() == 0 ? 1 : d.subject().start().line();
                summary = "yaml: line " + line + ": " + summary.substring(6);
            }
            throw new EscException("invalid value: " + summary);
        }
        YamlNode doc = loaded.editor().root();
        if (doc.kind == YamlNode.Kind.DOCUMENT && !doc.content.isEmpty()) {
            return doc.content.get(0);
        }
        return YamlNode.scalar("!!null", "null");
    }

    /** A secret is a string: a number or boolean given with --secret is kept as its text. */
    private static YamlNode asString(YamlNode value, String text) {
        if (value.kind == YamlNode.Kind.SCALAR && !"!!str".equals(value.tag)) {
            try {
                return YamlEditor.parseValue(GoText.quote(text));
            } catch (YamlEditException e) {
                throw new EscException("invalid value: " + e.getMessage());
            }
        }
        return value;
    }
}
