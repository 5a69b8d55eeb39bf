package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.Node;
import java.nio.charset.StandardCharsets;

/**
 * Sets and removes values at property paths in a YAML document while keeping everything else (comments, styles,
 * order) as it was; what {@code env set} and {@code env rm} do to an environment definition.
 *
 * <p>Setting a path creates missing objects and arrays on the way (an index equal to an array's length appends).
 * A replaced node keeps its own comments and style, but takes the kind, tag and text of the new value; a new
 * collection is therefore written in block style. Removing a missing key is a no-op.
 */
public final class YamlEditor {
    /** The result of loading a document for editing: an editor, or null with the reasons. */
    public record Loaded(YamlEditor editor, Diagnostics diagnostics) {}

    private YamlNode root;

    private YamlEditor(YamlNode root) {
        this.root = root;
    }

    public static Loaded load(String filename, byte[] source) {
        return load(filename, source, DecodeOptions.DEFAULTS);
    }

    public static Loaded load(String filename, byte[] source, DecodeOptions options) {
        Diagnostics diags = new Diagnostics();
        if (source.length == 0) {
            return new Loaded(new YamlEditor(new YamlNode()), diags);
        }
        YamlReader.Result read = YamlReader.read(filename, source, options);
        if (read.error() != null) {
            diags.add(read.error());
            return new Loaded(null, diags);
        }
        YamlNode doc = read.document();
        return new Loaded(new YamlEditor(doc == null ? new YamlNode() : doc), diags);
    }

    /** Parses a YAML value (e.g. {@code [a, b]} or {@code hello}) for use with {@link #set(String, YamlNode)}. */
    public static YamlNode parseValue(String yaml) throws YamlEditException {
        YamlReader.Result read = YamlReader.read("value", yaml.getBytes(StandardCharsets.UTF_8),
                DecodeOptions.DEFAULTS);
        if (read.error() != null) {
            throw new YamlEditException(read.error().summary());
        }
        YamlNode doc = read.document();
        if (doc == null || doc.content.isEmpty()) {
            return YamlNode.scalar("!!null", "null");
        }
        return doc.content.get(0);
    }

    /** Converts a syntax node (e.g. built by the CLI) into a YAML value for {@link #set(String, YamlNode)}. */
    public static YamlNode valueOf(Node value) throws YamlEditException {
        Diagnostics diags = new Diagnostics();
        YamlNode y = new SyntaxToYaml(diags, true).convert(value);
        if (diags.hasErrors()) {
            throw new YamlEditException(diags.get(0).summary());
        }
        return y;
    }

    /** The document being edited (a DOCUMENT node, or an empty NONE node for an empty source). */
    public YamlNode root() {
        return root;
    }

    public void set(String path, YamlNode value) throws YamlEditException {
        set(PropertyPath.parse(path), value);
    }

    public void set(PropertyPath path, YamlNode value) throws YamlEditException {
        YamlNode target = contentOf(root, true);
        for (int i = 0; i < path.size(); i++) {
            Object accessor = path.accessors().get(i);
            PropertyPath here = path.prefix(i + 1);
            if (target.kind == YamlNode.Kind.NONE) {
                if (accessor instanceof Integer) {
                    target.kind = YamlNode.Kind.SEQUENCE;
                    target.tag = "!!seq";
                } else {
                    target.kind = YamlNode.Kind.MAPPING;
                    target.tag = "!!map";
                }
            }
            target = switch (target.kind) {
                case SEQUENCE -> {
                    if (!(accessor instanceof Integer index)) {
                        throw new YamlEditException(here + ": key for an array must be an int");
                    }
                    if (index < 0 || index > target.content.size()) {
                        throw new YamlEditException(here + ": array index out of range");
                    }
                    if (index == target.content.size()) {
                        becomesNonEmpty(target);
                        target.content.add(new YamlNode());
                    }
                    yield target.content.get(index);
                }
                case MAPPING -> {
                    if (!(accessor instanceof String key)) {
                        throw new YamlEditException(here + ": key for a map must be a string");
                    }
                    YamlNode found = valueFor(target, key);
                    if (found == null) {
                        becomesNonEmpty(target);
                        target.content.add(YamlNode.scalar("!!str", key));
                        found = new YamlNode();
                        target.content.add(found);
                    }
                    yield found;
                }
                default -> throw new YamlEditException(here + ": expected an array or an object");
            };
        }
        YamlNode copy = value.copy();
        target.content = copy.content;
        target.kind = copy.kind;
        target.tag = copy.tag;
        target.value = copy.value;
    }

    public void delete(String path) throws YamlEditException {
        delete(PropertyPath.parse(path));
    }

    public void delete(PropertyPath path) throws YamlEditException {
        if (path.isEmpty()) {
            throw new YamlEditException("cannot remove the whole document");
        }
        YamlNode target = contentOf(root, false);
        for (int i = 0; i < path.size(); i++) {
            Object accessor = path.accessors().get(i);
            PropertyPath here = path.prefix(i + 1);
            boolean last = i == path.size() - 1;
            if (target == null) {
                throw new YamlEditException(here + ": expected an array or an object");
            }
            switch (target.kind) {
                case SEQUENCE -> {
                    if (!(accessor instanceof Integer index)) {
                        throw new YamlEditException(here + ": key for an array must be an int");
                    }
                    if (index < 0 || index >= target.content.size()) {
                        throw new YamlEditException(here + ": array index out of range");
                    }
                    if (last) {
                        target.content.remove((int) index);
                        return;
                    }
                    target = target.content.get(index);
                }
                case MAPPING -> {
                    if (!(accessor instanceof String key)) {
                        throw new YamlEditException(here + ": key for a map must be a string");
                    }
                    int at = indexOfKey(target, key);
                    if (at < 0) {
                        return;
                    }
                    if (last) {
                        target.content.remove(at + 1);
                        target.content.remove(at);
                        return;
                    }
                    target = target.content.get(at + 1);
                }
                default -> throw new YamlEditException(here + ": expected an array or an object");
            }
        }
    }

    /** The document as YAML text with the given indentation width. */
    public String encode(int indent) {
        return YamlEncoder.encode(root, indent);
    }

    /** The decoded syntax of the document as it is now (ranges refer to the original source, or are absent). */
    public Decoded toSyntax(String filename) {
        YamlNode content = root.kind == YamlNode.Kind.DOCUMENT
                ? (root.content.isEmpty() ? null : root.content.get(0)) : root;
        if (content == null || content.kind == YamlNode.Kind.NONE) {
            Diagnostics d = new Diagnostics();
            return new Decoded(new dev.openesc.core.syntax.DocumentNode(null, null), d);
        }
        return YamlDecoder.fromYamlNode(filename, content);
    }

    private YamlNode contentOf(YamlNode node, boolean create) {
        if (node.kind != YamlNode.Kind.DOCUMENT) {
            return node;
        }
        if (node.content.isEmpty()) {
            if (!create) {
                return null;
            }
            node.content.add(new YamlNode());
        }
        return node.content.get(0);
    }

    /**
     * An empty collection is written {@code {}} or {@code []} in any style, so its flow style says nothing about
     * how its author wants it laid out: the first element turns it into block style, as the reference's edits do
     * ({@code bar: {}}, then setting {@code bar.baz}, gives {@code bar:\n  baz: ...}).
     */
    private static void becomesNonEmpty(YamlNode collection) {
        if (collection.content.isEmpty()) {
            collection.style &= ~YamlNode.FLOW;
        }
    }

    private static YamlNode valueFor(YamlNode mapping, String key) {
        int at = indexOfKey(mapping, key);
        return at < 0 ? null : mapping.content.get(at + 1);
    }

    private static int indexOfKey(YamlNode mapping, String key) {
        for (int i = 0; i + 1 < mapping.content.size(); i += 2) {
            if (mapping.content.get(i).value.equals(key)) {
                return i;
            }
        }
        return -1;
    }

}
