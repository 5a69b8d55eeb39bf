package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.BooleanNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.NullNode;
import dev.openesc.core.syntax.NumberNode;
import dev.openesc.core.syntax.NameTable;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.OneNameValue;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.StringNode;
import dev.openesc.core.syntax.Syntax;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a YAML node tree into syntax nodes with the reference's ranges, paths and scalar typing. Depth is
 * already bounded by the reader, so plain recursion is safe here.
 */
final class YamlToSyntax {
    private final String filename;
    private final PositionIndex positions;
    private final Diagnostics diags;
    /** False when the syntax nodes need not point back at their YAML nodes (see YamlDecoder.decodeSyntaxOnly). */
    private final boolean keepYaml;
    /** The names of the values kept as {@link OneNameEntry}, each once; made at the first. */
    private NameTable names;

    YamlToSyntax(String filename, PositionIndex positions, Diagnostics diags, boolean keepYaml) {
        this.filename = filename;
        this.positions = positions;
        this.diags = diags;
        this.keepYaml = keepYaml;
    }

    /**
     * The syntax of {@code n} at {@code parent}'s child {@code key} (at {@code parent} itself when the key is null).
     * Only when decoding for evaluation does a mapping's child keep its path in two parts (see LocatedRange).
     */
    private Syntax syntax(YamlNode n, Range range, SyntaxPath parent, String key, Object originalValue) {
        if (keepYaml) {
            return new YamlSyntax(n, range, path(parent, key), originalValue);
        }
        if (range instanceof LocatedRange located && located.locates(parent, key)) {
            return located;
        }
        return range != null ? new LocatedRange(range, parent, key)
                : new YamlSyntax(null, null, path(parent, key), null);
    }

    private static SyntaxPath path(SyntaxPath parent, String key) {
        return key == null ? parent : parent.key(key);
    }

    /** The syntax node for {@code n}, or null for nodes that cannot be represented (aliases, bad scalars). */
    Node convert(YamlNode n, SyntaxPath path) {
        return convert(n, path, null);
    }

    /** {@link #convert(YamlNode, SyntaxPath)} at {@code parent}'s child {@code key} (null: at {@code parent}). */
    private Node convert(YamlNode n, SyntaxPath parent, String key) {
        // without YAML nodes to keep, a node's range is made as its syntax at once (see syntax)
        Range range = positions == null ? null
                : keepYaml ? positions.range(filename, n) : positions.located(filename, n, parent, key);
        return switch (n.kind) {
            case DOCUMENT -> new dev.openesc.core.syntax.DocumentNode(syntax(n, range, parent, key, null),
                    n.content.isEmpty() ? null : convert(n.content.get(0), parent, key));
            case SEQUENCE -> sequence(n, range, parent, key);
            case MAPPING -> mapping(n, range, parent, key);
            case SCALAR -> scalar(n, range, parent, key);
            case ALIAS -> {
                diags.add(Diagnostic.error(range, "alias nodes are not supported", path(parent, key).toString()));
                yield null;
            }
            case NONE -> {
                diags.add(Diagnostic.error(range, "unexpected node kind 0", path(parent, key).toString()));
                yield null;
            }
        };
    }

    private Node sequence(YamlNode n, Range range, SyntaxPath parent, String key) {
        Syntax syntax = syntax(n, range, parent, key, null);
        SyntaxPath path = path(parent, key);
        List<Node> elements = new ArrayList<>(n.content.size());
        for (int i = 0; i < n.content.size(); i++) {
            YamlNode child = n.content.get(i);
            SyntaxPath childPath = path.index(i);
            Node e = convert(child, childPath, null);
            // The reference keeps a nil element here; our lists cannot hold null, so a null literal with the
            // element's syntax stands in. An error diagnostic has been reported for it already.
            elements.add(e != null ? e : new NullNode(syntax(child,
                    positions == null ? null : positions.range(filename, child), childPath, null, null)));
            release(n, i);
        }
        return new ArrayNode(syntax, elements);
    }

    private Node mapping(YamlNode n, Range range, SyntaxPath parent, String key) {
        Syntax syntax = syntax(n, range, parent, key, null);
        SyntaxPath path = path(parent, key);
        List<ObjectNode.Entry> entries = new ArrayList<>(n.content.size() / 2);
        for (int i = 0; i + 1 < n.content.size(); i += 2) {
            YamlNode keyNode = n.content.get(i);
            YamlNode valueNode = n.content.get(i + 1);
            if (!keepYaml && syntax instanceof LocatedRange mappingRange && keyNode.kind == YamlNode.Kind.SCALAR
                    && PositionIndex.endsOnItsLine(keyNode) && decodesToString(keyNode)) {
                // decoded for evaluation, a string key on one line is kept as its text and position, its node made
                // when asked (CompactEntry); the value keeps the mapping's path and the key (no path per entry)
                String keyText = keyNode.value;
                int endColumn = PositionIndex.endColumnOnLine(keyNode);
                int line = keyNode.line;
                int dollar = valueNode.kind == YamlNode.Kind.SCALAR ? OneNameValue.dollar(valueNode.value) : -1;
                if (dollar > 0 && valueNode.line == line && decodesToString(valueNode)) {
                    // the commonest interpolation, kept as its text and shared name (OneNameEntry), without the
                    // string node convert makes of it (the same range, at the same path)
                    String plain = valueNode.value;
                    String name = names().shareAscii(plain, dollar + 2, plain.length() - dollar - 3);
                    entries.add(new OneNameEntry(mappingRange, positions.located(filename, valueNode, path, keyText),
                            plain.substring(0, dollar), name, keyNode.column,
                            positions.byteOffset(line, keyNode.column), endColumn,
                            positions.byteOffset(line, endColumn)));
                    release(n, i);
                    release(n, i + 1);
                    continue;
                }
                Node value = convert(valueNode, path, keyText);
                entries.add(new CompactEntry(mappingRange, path, keyText, line, keyNode.column,
                        positions.byteOffset(line, keyNode.column), endColumn, positions.byteOffset(line, endColumn),
                        value));
                release(n, i);
                release(n, i + 1);
                continue;
            }
            // with the YAML nodes kept, key and value share one path object, as they always did
            SyntaxPath childParent = keepYaml ? path.key(keyNode.value) : path;
            String childKey = keepYaml ? null : keyNode.value;
            Node keySyntax = convert(keyNode, childParent, childKey);
            StringNode stringKey = keySyntax instanceof StringNode s ? s : null;
            if (stringKey == null && keySyntax != null) {
                diags.add(Diagnostic.error(keySyntax.syntax().range(), "mapping keys must be strings",
                        keySyntax.syntax().path()));
            }
            Node value = convert(valueNode, childParent, childKey);
            entries.add(new ObjectNode.Entry(syntax(keyNode, range, childParent, childKey, null), stringKey, value));
            release(n, i);
            release(n, i + 1);
        }
        return new ObjectNode(syntax, entries);
    }

    private NameTable names() {
        if (names == null) {
            names = new NameTable();
        }
        return names;
    }

    /**
     * Lets go of a converted child when the syntax nodes keep no YAML nodes: the tree is garbage once converted,
     * and without this it stayed whole until the last entry was converted, for the collector to copy when it ran
     * meanwhile (for an environment of 100,000 values, a tree of tens of megabytes).
     */
    private void release(YamlNode parent, int child) {
        if (!keepYaml) {
            parent.content.set(child, null);
        }
    }

    private Node scalar(YamlNode n, Range range, SyntaxPath parent, String key) {
        Object v;
        try {
            v = decodeScalar(n);
        } catch (IllegalArgumentException e) {
            diags.add(Diagnostic.error(range, e.getMessage(), path(parent, key).toString()));
            return null;
        }
        if (v == null) {
            return new NullNode(syntax(n, range, parent, key, null));
        }
        if (v instanceof Boolean b) {
            return new BooleanNode(syntax(n, range, parent, key, b), b);
        }
        if (v instanceof BigInteger i) {
            String text = i.toString();
            return new NumberNode(syntax(n, range, parent, key, text), text);
        }
        if (v instanceof Double d) {
            String text = GoNumberFormat.formatDouble(d);
            return new NumberNode(syntax(n, range, parent, key, text), text);
        }
        return new StringNode(syntax(n, range, parent, key, n.value), n.value);
    }

    /** Whether scalar {@code n} decodes to a string node (see {@link #scalar}), without an error. */
    private static boolean decodesToString(YamlNode n) {
        Object v;
        try {
            v = decodeScalar(n);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return v != null && !(v instanceof Boolean) && !(v instanceof BigInteger) && !(v instanceof Double);
    }

    /** The scalar's value as the reference decodes it into an untyped value; throws for tag/value mismatches. */
    static Object decodeScalar(YamlNode n) {
        boolean indicatedString = "!!str".equals(n.tag)
                && n.hasStyle(YamlNode.DOUBLE_QUOTED | YamlNode.SINGLE_QUOTED | YamlNode.LITERAL | YamlNode.FOLDED);
        if (indicatedString) {
            return n.value;
        }
        String tag = n.hasStyle(YamlNode.TAGGED) ? n.tag : "";
        if (tag.isEmpty() && ScalarResolver.plainString(n.value)) {
            return n.value;
        }
        ScalarResolver.Resolved r = ScalarResolver.resolve(tag, n.value);
        String rtag = r.tag();
        if (!tag.isEmpty() && ScalarResolver.resolvable(tag) && !tag.equals(rtag) && !tag.equals("!!str")) {
            if (tag.equals("!!float") && rtag.equals("!!int")) {
                return ((BigInteger) r.value()).doubleValue();
            }
            if (!(tag.equals("!!timestamp") && rtag.equals("!!str"))) {
                throw new IllegalArgumentException(
                        "yaml: cannot decode " + rtag + " `" + n.value + "` as a " + tag);
            }
        }
        return switch (rtag) {
            case "!!null" -> null;
            case "!!bool", "!!int", "!!float" -> r.value();
            default -> n.value;
        };
    }
}
