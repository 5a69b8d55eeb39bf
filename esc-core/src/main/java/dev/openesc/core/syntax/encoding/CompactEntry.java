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
 * evaluation (decisions.md, entry 29). Each call makes new nodes, equal to the ones a stored entry holds.
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

    /** The pair of {@code key} (its range on one line) and {@code value} in the mapping at {@code mappingPath}. */
    CompactEntry(LocatedRange mapping, SyntaxPath mappingPath, String key, LocatedRange keyRange, Node value) {
        super(value);
        this.mapping = mapping;
        this.mappingPath = mappingPath;
        this.key = key;
        this.keyLine = keyRange.startLine();
        this.keyColumn = keyRange.startColumn();
        this.keyByte = keyRange.startByte();
        this.keyEndColumn = keyRange.endColumn();
        this.keyEndByte = keyRange.endByte();
    }

    /** Whether {@code keyRange} can be kept by this class: on one line. */
    static boolean fits(LocatedRange keyRange) {
        return keyRange.startLine() == keyRange.endLine();
    }

    @Override
    public Syntax syntax() {
        return new LocatedRange(mapping, mappingPath, key);
    }

    @Override
    public StringNode key() {
        return new StringNode(new LocatedRange(mapping.filename(), keyLine, keyColumn, keyByte, keyLine, keyEndColumn,
                keyEndByte, mappingPath, key), key);
    }

    @Override
    public String keyText() {
        return key;
    }
}
