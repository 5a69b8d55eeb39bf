package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.Backend;
import dev.openesc.cli.backend.BackendException;
import dev.openesc.cli.render.IndentedJson;
import dev.openesc.cli.render.OutputFormat;
import dev.openesc.cli.render.UnifiedDiff;
import dev.openesc.cli.render.ValuePaths;
import dev.openesc.cli.render.ValueRenderer;
import dev.openesc.core.syntax.encoding.YamlNode;
import dev.openesc.core.value.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc env diff A[@v] [B[@v]]}: the differences in value and definition between two versions (by default
 * A's latest), as unified diffs; {@code @v} alone names a version of A. With {@code --format}, the diff of the
 * values printed in that format.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show changes between versions.",
            "",
            "Compares <environment>[@<version>] with <other>[@<version>], by default its latest version;",
            "@<version> alone names another version of the first environment."})
public final class EnvDiffCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>[@<version>]")
    private String base;

    @Parameters(index = "1", arity = "0..1", paramLabel = "[<environment-name>][@<version>]")
    private String compare;

    @Parameters(index = "2", arity = "0..1", paramLabel = "PATH")
    private String path;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "diff the value in this format: json, yaml, detailed, dotenv, shell or string")
    private String format;

    @Option(names = "--show-secrets", description = "show static secrets in plaintext rather than ciphertext")
    private boolean showSecrets;

    @Override
    public Integer call() throws IOException {
        EnvironmentRef from = existingRef(base);
        EnvironmentRef to;
        if (compare == null || compare.isEmpty()) {
            to = from.withVersion("latest");
        } else if (compare.startsWith("@")) {
            to = from.withVersion(compare.substring(1));
        } else {
            to = existingRef(compare);
        }
        if (!from.hasVersion()) {
            from = from.withVersion("latest");
        }
        List<Object> accessors = ValuePaths.parse(path, "invalid path");
        String fromName = from.toString();
        String toName = to.toString();
        if (format != null) {
            OutputFormat f = OutputFormat.parse(format);
            out().print(UnifiedDiff.diff(fromName, rendered(from, accessors, f), toName, rendered(to, accessors, f)));
            return ExitCodes.OK;
        }
        byte[] fromYaml = definition(from);
        byte[] toYaml = definition(to);
        String values = UnifiedDiff.diff(fromName, value(from, fromYaml, accessors), toName,
                value(to, toYaml, accessors));
        String definitions = UnifiedDiff.diff(fromName, definitionText(from, fromYaml), toName,
                definitionText(to, toYaml));
        StringBuilder b = new StringBuilder();
        if (!values.isEmpty()) {
            b.append("# Value\n```diff\n").append(values).append("\n```\n");
        }
        if (!definitions.isEmpty()) {
            b.append("# Definition\n```diff\n").append(definitions).append("\n```\n");
        }
        out().print(b);
        return ExitCodes.OK;
    }

    private byte[] definition(EnvironmentRef ref) {
        try {
            return backend().definition(ref.name(), ref.version(), showSecrets).yaml();
        } catch (BackendException e) {
            throw new EscException("getting environment definition: " + e.getMessage());
        }
    }

    private String value(EnvironmentRef ref, byte[] yaml, List<Object> accessors) {
        if (yaml.length == 0) {
            return "";
        }
        Backend.Checked checked = backend().check(ref.org(), ref.env(), yaml, showSecrets);
        if (checked.environment() == null) {
            return "";
        }
        Map<String, Value> props = checked.environment().properties();
        Value v = ValuePaths.get(Value.ofMap(props == null ? Map.of() : props), accessors);
        return v == null ? "" : IndentedJson.plain(v, !showSecrets);
    }

    private static String definitionText(EnvironmentRef ref, byte[] yaml) {
        YamlNode content = Definitions.content(Definitions.edit(ref.env(), yaml));
        return content == null ? "" : Definitions.encode(content);
    }

    private String rendered(EnvironmentRef ref, List<Object> accessors, OutputFormat f) throws IOException {
        byte[] yaml = definition(ref);
        if (yaml.length == 0) {
            return "";
        }
        Backend.Checked checked = backend().check(ref.org(), ref.env(), yaml, showSecrets);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            ValueRenderer.render(ps, checked.environment(), accessors, f, showSecrets, true, null);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
