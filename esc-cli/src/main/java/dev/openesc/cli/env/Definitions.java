package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.core.syntax.encoding.YamlEditor;
import dev.openesc.core.syntax.encoding.YamlEncoder;
import dev.openesc.core.syntax.encoding.YamlNode;
import java.util.List;

/** Reading parts of a YAML definition, as the {@code get}, {@code set} and {@code rm} commands need. */
final class Definitions {
    private Definitions() {}

    static YamlEditor edit(String envName, byte[] yaml) {
        YamlEditor.Loaded loaded = YamlEditor.load(envName, yaml);
        if (loaded.editor() == null) {
            throw new EscException("unmarshaling environment definition: "
                    + loaded.diagnostics().get(0).summary());
        }
        return loaded.editor();
    }

    /** The content node of a document (null for an empty one). */
    static YamlNode content(YamlEditor editor) {
        YamlNode root = editor.root();
        if (root.kind == YamlNode.Kind.DOCUMENT) {
            return root.content.isEmpty() ? null : root.content.get(0);
        }
        return root.kind == YamlNode.Kind.NONE ? null : root;
    }

    /** The node at {@code path} under {@code node}, or null. */
    static YamlNode get(YamlNode node, List<Object> path) {
        YamlNode n = node;
        for (Object accessor : path) {
            if (n == null) {
                return null;
            }
            if (n.kind == YamlNode.Kind.SEQUENCE && accessor instanceof Integer i) {
                n = i >= 0 && i < n.content.size() ? n.content.get(i) : null;
            } else if (n.kind == YamlNode.Kind.MAPPING && accessor instanceof String k) {
                YamlNode found = null;
                for (int j = 0; j + 1 < n.content.size(); j += 2) {
                    if (n.content.get(j).value.equals(k)) {
                        found = n.content.get(j + 1);
                        break;
                    }
                }
                n = found;
            } else {
                return null;
            }
        }
        return n;
    }

    /** A node as YAML text with a two-space indent, as the reference prints definitions. */
    static String encode(YamlNode node) {
        return YamlEncoder.encode(node, 2);
    }
}
