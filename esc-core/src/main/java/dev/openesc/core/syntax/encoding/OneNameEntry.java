package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.OneNameValue;
import dev.openesc.core.syntax.StringNode;
import dev.openesc.core.syntax.Syntax;

/**
 * A {@link CompactEntry} whose value is a string of the commonest interpolated shape ({@code item-${name}}), kept as
 * its text and its (shared) name: the value's node, the key's node and the entry's syntax are made when asked, each
 * equal every time to the one a stored entry holds. The value's syntax also gives the mapping's path and the key,
 * so they are not kept twice. One object per value fewer than a compact entry and its value node, and one string:
 * the scalar's own text, which the parsed interpolation never reads (docs/decisions.md, entry 35).
 */
final class OneNameEntry extends ObjectNode.Entry implements OneNameValue {
    private final LocatedRange mapping;
    /** The value's syntax, located at the mapping's path and this entry's key. */
    private final LocatedRange value;
    private final String text;
    private final String name;
    private final int keyLine;
    private final int keyColumn;
    private final int keyByte;
    private final int keyEndColumn;
    private final int keyEndByte;

    /** The pair whose value at {@code value} is spelt {@code text + "${" + name + "}"}, its key on one line. */
    OneNameEntry(LocatedRange mapping, LocatedRange value, String text, String name, int keyLine, int keyColumn,
            int keyByte, int keyEndColumn, int keyEndByte) {
        super(null);
        this.mapping = mapping;
        this.value = value;
        this.text = text;
        this.name = name;
        this.keyLine = keyLine;
        this.keyColumn = keyColumn;
        this.keyByte = keyByte;
        this.keyEndColumn = keyEndColumn;
        this.keyEndByte = keyEndByte;
    }

    @Override
    public Syntax syntax() {
        return new LocatedRange(mapping, value.location(), value.key());
    }

    @Override
    public StringNode key() {
        return CompactEntry.keyNode(mapping, value.location(), value.key(), keyLine, keyColumn, keyByte,
                keyEndColumn, keyEndByte);
    }

    @Override
    public String keyText() {
        return value.key();
    }

    @Override
    public Node value() {
        return new StringNode(value, text + "${" + name + "}");
    }

    @Override
    public Syntax valueSyntax() {
        return value;
    }

    @Override
    public String valueText() {
        return text;
    }

    @Override
    public String valueName() {
        return name;
    }
}
