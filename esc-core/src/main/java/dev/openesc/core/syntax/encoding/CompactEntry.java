package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.StringNode;
import dev.openesc.core.syntax.Syntax;

/**
 * A mapping's pair decoded for evaluation only whose key is a string on one line: its key node and its own syntax
 * are made when asked, from the key's text and position and from the mapping's range and path, which the entry's
 * syntax spans. Stored, they were three objects per value (the key's node, the key's range and the entry's range)
 * that live as long as the parsed definition, for the collector to copy on every young collection of a large
 * evaluation (decisions.md, entry 31). Each call makes new nodes, equal to the ones a stored entry holds.
 */
final class CompactEntry extends ObjectNode.Entry {
    private final LocatedRange mapping;
    private final SyntaxPath mappingPath;
    private final String key;
    private final int keyLine;
    private final int keyColumn;
    private final int keyByte;
    private final int keyEndColumn;
    private final int keyEndByte;

    /**
     * The pair of {@code key} and {@code value} in the mapping at {@code mappingPath}, the key's range on one line
     * given by its parts.
     */
    CompactEntry(LocatedRange mapping, SyntaxPath mappingPath, String key, int keyLine, int keyColumn, int keyByte,
            int keyEndColumn, int keyEndByte, Node value) {
        super(value);
        this.mapping = mapping;
        this.mappingPath = mappingPath;
        this.key = key;
        this.keyLine = keyLine;
        this.keyColumn = keyColumn;
        this.keyByte = keyByte;
        this.keyEndColumn = keyEndColumn;
        this.keyEndByte = keyEndByte;
    }

    @Override
    public Syntax syntax() {
        return new LocatedRange(mapping, mappingPath, key);
    }

    @Override
    public StringNode key() {
        return keyNode(mapping, mappingPath, key, keyLine, keyColumn, keyByte, keyEndColumn, keyEndByte);
    }

    /** The node of a key on one line at {@code mappingPath}'s child {@code key}. */
    static StringNode keyNode(LocatedRange mapping, SyntaxPath mappingPath, String key, int keyLine, int keyColumn,
            int keyByte, int keyEndColumn, int keyEndByte) {
        return new StringNode(new LocatedRange(mapping.filename(), keyLine, keyColumn, keyByte, keyLine, keyEndColumn,
                keyEndByte, mappingPath, key), key);
    }

    @Override
    public String keyText() {
        return key;
    }
}
