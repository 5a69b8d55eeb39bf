package dev.openesc.cli.render;

import dev.openesc.core.value.Environment;
import dev.openesc.core.schema.GoText;
import dev.openesc.core.value.Value;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Prints an environment (or a value in it) in one of the {@link OutputFormat}s. */
public final class ValueRenderer {
    private ValueRenderer() {}

    /**
     * @param path the value to print, or an empty list for the whole environment
     * @param pretend for the projections: do not write the files, print {@code [unknown]} as their paths
     * @param temporaryFolder where the projected files go when not pretending (null for the system's); they stay
     *     after esc ends, as the reference leaves them, so a shell that sources the output can read them
     */
    public static void render(PrintStream out, Environment env, List<Object> path, OutputFormat format,
            boolean showSecrets, boolean pretend, Path temporaryFolder) throws IOException {
        if (env == null) {
            return;
        }
        Value root = Value.ofMap(env.properties() == null ? Map.of() : env.properties());
        Value value = path.isEmpty() ? root : ValuePaths.get(root, path);
        if (value == null) {
            value = Value.ofNull();
        }
        switch (format) {
            case JSON -> out.println(IndentedJson.plain(value, !showSecrets));
            case DETAILED -> out.println(IndentedJson.detailed(value));
            case YAML -> out.print(yaml(value.toJson(!showSecrets)));
            case STRING -> {
                // One line end, as the reference: a string that ends with its own newline gets no second one.
                String text = value.toString(!showSecrets);
                out.print(text.endsWith("\n") ? text : text + "\n");
            }
            case DOTENV, SHELL -> {
                String prefix = format == OutputFormat.SHELL ? "export " : "";
                for (String line : projectionLines(env, showSecrets, pretend, temporaryFolder)) {
                    out.println(prefix + line);
                }
            }
            default -> throw new IllegalStateException(format.name());
        }
    }

    private static List<String> projectionLines(Environment env, boolean showSecrets, boolean pretend,
            Path temporaryFolder) throws IOException {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        for (Map.Entry<String, Value> e : new TreeMap<>(env.environmentVariables()).entrySet()) {
            String s = e.getValue().secret() && !showSecrets ? "[secret]" : e.getValue().toString(false);
            lines.add(e.getKey() + "=" + GoText.quote(s));
        }
        Map<String, Value> files = new TreeMap<>(env.temporaryFiles());
        Path folder = null;
        for (Map.Entry<String, Value> e : files.entrySet()) {
            String path = "[unknown]";
            if (!pretend) {
                if (folder == null) {
                    folder = temporaryFolder == null
                            ? Files.createTempDirectory("esc-open-", owner("rwx------"))
                            : Files.createTempDirectory(temporaryFolder, "esc-open-", owner("rwx------"));
                }
                Path file = Files.createFile(folder.resolve(e.getKey()), owner("rw-------"));
                Files.write(file, e.getValue().toString(false).getBytes(StandardCharsets.UTF_8));
                path = file.toString();
            }
            lines.add(e.getKey() + "=" + GoText.quote(path));
        }
        return lines;
    }

    private static java.nio.file.attribute.FileAttribute<?> owner(String perms) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
    }

    static String yaml(Object plain) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(3)
                .setIndicatorIndent(0).build();
        return new Dump(settings).dumpToString(toYamlObject(plain));
    }

    private static Object toYamlObject(Object plain) {
        if (plain instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toYamlObject(v)));
            return out;
        }
        if (plain instanceof List<?> l) {
            return l.stream().map(ValueRenderer::toYamlObject).toList();
        }
        if (plain == null || plain instanceof String || plain instanceof Boolean) {
            return plain;
        }
        String text = plain.toString();
        try {
            return text.contains(".") || text.contains("e") || text.contains("E")
                    ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
