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
 * evaluation (decisions.md, entry 31). Each call makes new nodes, equal to the ones a stored entry holds. The
 * subclasses differ in how they keep the mapping's path, the key's text and the value.
 */
abstract class OneLineKeyEntry extends ObjectNode.Entry {
    private final LocatedRange mapping;
    private final int keyColumn;
    private final int keyByte;
    private final int keyEndColumn;
    private final int keyEndByte;

    /**
     * The pair in {@code mapping} whose key's range on one line ({@link #keyLine}) is given by its parts;
     * {@code value} if kept.
     */
    OneLineKeyEntry(LocatedRange mapping, int keyColumn, int keyByte, int keyEndColumn, int keyEndByte, Node value) {
        super(value);
        this.mapping = mapping;
        this.keyColumn = keyColumn;
        this.keyByte = keyByte;
        this.keyEndColumn = keyEndColumn;
        this.keyEndByte = keyEndByte;
    }

    /** The path of the mapping this pair belongs to. */
    abstract SyntaxPath mappingPath();

    /** The key's line. */
    abstract int keyLine();

    @Override
    public abstract String keyText();

    @Override
    public final Syntax syntax() {
        return new LocatedRange(mapping, mappingPath(), keyText());
    }

    @Override
    public final StringNode key() {
        String key = keyText();
        int line = keyLine();
        return new StringNode(new LocatedRange(mapping.filename(), line, keyColumn, keyByte, line, keyEndColumn,
                keyEndByte, mappingPath(), key), key);
    }
}
