package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.DocumentNode;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.Syntax;

/**
 * Decodes YAML source into syntax nodes, as the reference does: YAML 1.2 core-schema typing, tags other than the
 * standard ones ignored (the value stays a string), aliases and non-string keys reported as errors, exact ranges
 * and paths on every node. Malformed input of any kind yields diagnostics, never an exception.
 */
public final class YamlDecoder {
    private YamlDecoder() {}

    public static Decoded decode(String filename, byte[] source) {
        return decode(filename, source, DecodeOptions.DEFAULTS);
    }

    public static Decoded decode(String filename, byte[] source, DecodeOptions options) {
        return decode(filename, source, options, true);
    }

    /**
     * Decodes as {@link #decode(String, byte[], DecodeOptions)} does, but the syntax nodes keep only their ranges
     * and paths, not the YAML nodes they came from (tags, styles, comments, original spelling). What evaluation
     * needs, at a fraction of the memory: the YAML tree becomes garbage as soon as decoding ends instead of staying
     * reachable from every syntax node for as long as the definition is. Such nodes re-encode without comments
     * or styles, so editors must use {@link #decode(String, byte[], DecodeOptions)}.
     */
    public static Decoded decodeSyntaxOnly(String filename, byte[] source, DecodeOptions options) {
        return decode(filename, source, options, false);
    }

    private static Decoded decode(String filename, byte[] source, DecodeOptions options, boolean keepYaml) {
        return decode(filename, source, options, keepYaml, !keepYaml);
    }

    /**
     * Decodes, reading with {@link BlockYamlScanner} first only when {@code ownScanner} (which needs {@code keepYaml}
     * off: its trees have no comments); tests turn it off to compare it with snakeyaml-engine.
     */
    static Decoded decode(String filename, byte[] source, DecodeOptions options, boolean keepYaml, boolean ownScanner) {
        Diagnostics diags = new Diagnostics();
        if (source.length == 0) {
            return new Decoded(new DocumentNode(Syntax.NONE, null), diags);
        }
        YamlReader.Result read = YamlReader.read(filename, source, options, keepYaml, ownScanner);
        if (read.error() != null) {
            diags.add(read.error());
            return new Decoded(null, diags);
        }
        YamlNode document = read.document();
        if (document == null || document.content.isEmpty()) {
            return new Decoded(new DocumentNode(new YamlSyntax(document, null, SyntaxPath.ROOT, null), null), diags);
        }
        if (document.content.size() > 1) {
            diags.add(dev.openesc.core.syntax.Diagnostic.error(null, "Documents must only contain a single value", ""));
        }
        PositionIndex positions = new PositionIndex(source);
        Node node;
        try {
            node = new YamlToSyntax(filename, positions, diags, keepYaml).convert(document.content.get(0), SyntaxPath.ROOT);
        } catch (StackOverflowError e) {
            diags.add(dev.openesc.core.syntax.Diagnostic.error(null, "yaml: document is nested too deeply to read", ""));
            return new Decoded(null, diags);
        }
        return new Decoded(node, diags);
    }

    /**
     * Converts an already-read YAML node (for example one built by {@link YamlEditor}) into syntax nodes, without
     * source ranges.
     */
    public static Decoded fromYamlNode(String filename, YamlNode node) {
        Diagnostics diags = new Diagnostics();
        Node n = new YamlToSyntax(filename, null, diags, true).convert(node, SyntaxPath.ROOT);
        return new Decoded(n, diags);
    }
}
