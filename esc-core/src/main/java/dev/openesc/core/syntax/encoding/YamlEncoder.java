package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.Node;

/**
 * Encodes syntax nodes as YAML text the way the reference re-encodes documents: nodes decoded from YAML keep
 * their style and comments, new nodes get the emitter's default presentation.
 */
public final class YamlEncoder {
    private YamlEncoder() {}

    /** The YAML text and any problems (e.g. a missing node, written as {@code null}). */
    public record Encoded(String text, Diagnostics diagnostics) {}

    /** Encodes with the given indentation width (the reference rewrites documents with 2). */
    public static Encoded encode(Node node, int indent) {
        Diagnostics diags = new Diagnostics();
        YamlNode yaml = new SyntaxToYaml(diags).convert(node);
        return new Encoded(new YamlEmitter(indent).document(yaml), diags);
    }

    /** Encodes a YAML node tree directly. */
    public static String encode(YamlNode node, int indent) {
        return new YamlEmitter(indent).document(node);
    }
}
