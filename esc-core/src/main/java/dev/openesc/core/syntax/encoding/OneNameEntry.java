package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.OneNameValue;
import dev.openesc.core.syntax.StringNode;
import dev.openesc.core.syntax.Syntax;

/**
 * A pair with a key on one line ({@link OneLineKeyEntry}) whose value is a string of the commonest interpolated
 * shape ({@code item-${name}}) that starts on the key's line, kept as its text and its (shared) name: the value's
 * node is made when asked, equal every time to the one a stored entry holds. The value's syntax also gives the
 * mapping's path, the key and the key's line, so they are not kept twice. One object per value fewer than a
 * {@link CompactEntry} and its value node, and one string: the scalar's own text, which the parsed interpolation
 * never reads (docs/decisions.md, entry 35).
 */
final class OneNameEntry extends OneLineKeyEntry implements OneNameValue {
    /** The value's syntax, located at the mapping's path and this entry's key. */
    private final LocatedRange value;
    private final String text;
    private final String name;

    /**
     * The pair whose value at {@code value} is spelt {@code text + "${" + name + "}"}, its key on the line where the
     * value starts.
     */
    OneNameEntry(LocatedRange mapping, LocatedRange value, String text, String name, int keyColumn, int keyByte,
            int keyEndColumn, int keyEndByte) {
        super(mapping, keyColumn, keyByte, keyEndColumn, keyEndByte, null);
        this.value = value;
        this.text = text;
        this.name = name;
    }

    @Override
    SyntaxPath mappingPath() {
        return value.location();
    }

    @Override
    int keyLine() {
        return value.startLine();
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
