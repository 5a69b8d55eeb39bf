package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.BooleanNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.NullNode;
import dev.openesc.core.syntax.NumberNode;
import dev.openesc.core.syntax.ObjectNode;
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

    YamlToSyntax(String filename, PositionIndex positions, Diagnostics diags, boolean keepYaml) {
        this.filename = filename;
        this.positions = positions;
        this.diags = diags;
        this.keepYaml = keepYaml;
    }

    private Syntax syntax(YamlNode n, Range range, SyntaxPath path, Object originalValue) {
        if (keepYaml) {
            return new YamlSyntax(n, range, path, originalValue);
        }
        if (range instanceof LocatedRange located && located.locates(path)) {
            return located;
        }
        return range != null ? new LocatedRange(range, path) : new YamlSyntax(null, null, path, null);
    }

    /** The syntax node for {@code n}, or null for nodes that cannot be represented (aliases, bad scalars). */
    Node convert(YamlNode n, SyntaxPath path) {
        // without YAML nodes to keep, a node's range is made as its syntax at once (see syntax)
        Range range = positions == null ? null
                : keepYaml ? positions.range(filename, n) : positions.located(filename, n, path);
        return switch (n.kind) {
            case DOCUMENT -> new dev.openesc.core.syntax.DocumentNode(syntax(n, range, path, null),
                    n.content.isEmpty() ? null : convert(n.content.get(0), path));
            case SEQUENCE -> sequence(n, range, path);
            case MAPPING -> mapping(n, range, path);
            case SCALAR -> scalar(n, range, path);
            case ALIAS -> {
                diags.add(Diagnostic.error(range, "alias nodes are not supported", path.toString()));
                yield null;
            }
            case NONE -> {
                diags.add(Diagnostic.error(range, "unexpected node kind 0", path.toString()));
                yield null;
            }
        };
    }

    private Node sequence(YamlNode n, Range range, SyntaxPath path) {
        Syntax syntax = syntax(n, range, path, null);
        List<Node> elements = new ArrayList<>(n.content.size());
        for (int i = 0; i < n.content.size(); i++) {
            YamlNode child = n.content.get(i);
            SyntaxPath childPath = path.index(i);
            Node e = convert(child, childPath);
            // The reference keeps a nil element here; our lists cannot hold null, so a null literal with the
            // element's syntax stands in. An error diagnostic has been reported for it already.
            elements.add(e != null ? e : new NullNode(syntax(child,
                    positions == null ? null : positions.range(filename, child), childPath, null)));
            release(n, i);
        }
        return new ArrayNode(syntax, elements);
    }

    private Node mapping(YamlNode n, Range range, SyntaxPath path) {
        Syntax syntax = syntax(n, range, path, null);
        List<ObjectNode.Entry> entries = new ArrayList<>(n.content.size() / 2);
        for (int i = 0; i + 1 < n.content.size(); i += 2) {
            YamlNode keyNode = n.content.get(i);
            YamlNode valueNode = n.content.get(i + 1);
            SyntaxPath entryPath = path.key(keyNode.value);
            Node key = convert(keyNode, entryPath);
            StringNode stringKey = key instanceof StringNode s ? s : null;
            if (stringKey == null && key != null) {
                diags.add(Diagnostic.error(key.syntax().range(), "mapping keys must be strings", key.syntax().path()));
            }
            Node value = convert(valueNode, entryPath);
            entries.add(new ObjectNode.Entry(syntax(keyNode, range, entryPath, null), stringKey, value));
            release(n, i);
            release(n, i + 1);
        }
        return new ObjectNode(syntax, entries);
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

    private Node scalar(YamlNode n, Range range, SyntaxPath path) {
        Object v;
        try {
            v = decodeScalar(n);
        } catch (IllegalArgumentException e) {
            diags.add(Diagnostic.error(range, e.getMessage(), path.toString()));
            return null;
        }
        if (v == null) {
            return new NullNode(syntax(n, range, path, null));
        }
        if (v instanceof Boolean b) {
            return new BooleanNode(syntax(n, range, path, b), b);
        }
        if (v instanceof BigInteger i) {
            String text = i.toString();
            return new NumberNode(syntax(n, range, path, text), text);
        }
        if (v instanceof Double d) {
            String text = GoNumberFormat.formatDouble(d);
            return new NumberNode(syntax(n, range, path, text), text);
        }
        return new StringNode(syntax(n, range, path, n.value), n.value);
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
