package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Node;

/** A pair with a key on one line ({@link OneLineKeyEntry}) that keeps its value's node. */
final class CompactEntry extends OneLineKeyEntry {
    private final SyntaxPath mappingPath;
    private final String key;
    private final int keyLine;

    /**
     * The pair of {@code key} and {@code value} in the mapping at {@code mappingPath}, the key's range on one line
     * given by its parts.
     */
    CompactEntry(LocatedRange mapping, SyntaxPath mappingPath, String key, int keyLine, int keyColumn, int keyByte,
            int keyEndColumn, int keyEndByte, Node value) {
        super(mapping, keyColumn, keyByte, keyEndColumn, keyEndByte, value);
        this.mappingPath = mappingPath;
        this.key = key;
        this.keyLine = keyLine;
    }

    @Override
    int keyLine() {
        return keyLine;
    }

    @Override
    SyntaxPath mappingPath() {
        return mappingPath;
    }

    @Override
    public String keyText() {
        return key;
    }
}
