package dev.openesc.cli.script;

import dev.openesc.core.syntax.encoding.YamlEditor;
import dev.openesc.core.syntax.encoding.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One script of the reference's CLI corpus: a YAML header (the script, whether it fails, fake processes, the fake
 * service's environments), then {@code ---}, the expected stdout, {@code ---}, the expected stderr.
 */
record CliScript(String name, String run, boolean fails, String parent, Map<String, String> commands,
        Map<String, String> environ, Map<String, byte[]> files, Map<String, YamlNode> environments, String stdout, String stderr) {

    static CliScript load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int first = text.indexOf("\n---\n");
        int second = text.indexOf("\n---\n", first + 5);
        String header = text.substring(0, first + 1);
        String stdout = text.substring(first + 5, second + 1);
        // The recorder writes a newline after stdout, whether or not stdout ended with one.
        stdout = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
        String stderr = text.substring(second + 5);

        YamlEditor.Loaded loaded = YamlEditor.load(file.getFileName().toString(),
                header.getBytes(StandardCharsets.UTF_8));
        YamlNode root = loaded.editor().root().content.get(0);
        String run = scalar(root, "run");
        String error = scalar(root, "error");
        String parent = scalar(root, "parent");
        Map<String, String> commands = new LinkedHashMap<>();
        Map<String, String> environ = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        YamlNode process = get(root, "process");
        if (process != null) {
            strings(get(process, "commands"), commands);
            strings(get(process, "environ"), environ);
            YamlNode fs = get(process, "fs");
            if (fs != null) {
                for (int i = 0; i + 1 < fs.content.size(); i += 2) {
                    YamlNode v = fs.content.get(i + 1);
                    files.put(fs.content.get(i).value, v.tag.equals("!!binary")
                            ? java.util.Base64.getMimeDecoder().decode(v.value)
                            : v.value.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        Map<String, YamlNode> environments = new LinkedHashMap<>();
        YamlNode envs = get(root, "environments");
        if (envs != null) {
            for (int i = 0; i + 1 < envs.content.size(); i += 2) {
                environments.put(envs.content.get(i).value, envs.content.get(i + 1));
            }
        }
        String name = file.getFileName().toString();
        return new CliScript(name, run == null ? "" : run, error != null && !error.isEmpty(), parent, commands,
                environ, files, environments, stdout, stderr);
    }

    static YamlNode get(YamlNode mapping, String key) {
        if (mapping == null || mapping.kind != YamlNode.Kind.MAPPING) {
            return null;
        }
        for (int i = 0; i + 1 < mapping.content.size(); i += 2) {
            if (mapping.content.get(i).value.equals(key)) {
                return mapping.content.get(i + 1);
            }
        }
        return null;
    }

    private static String scalar(YamlNode mapping, String key) {
        YamlNode n = get(mapping, key);
        return n == null ? null : n.value;
    }

    private static void strings(YamlNode mapping, Map<String, String> into) {
        if (mapping == null) {
            return;
        }
        for (int i = 0; i + 1 < mapping.content.size(); i += 2) {
            into.put(mapping.content.get(i).value, mapping.content.get(i + 1).value);
        }
    }
}
