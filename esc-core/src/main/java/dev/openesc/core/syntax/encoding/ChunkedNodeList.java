package dev.openesc.core.syntax.encoding;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The children of a collection in a YAML tree read only to be converted (see {@link YamlTreeBuilder}): a list that
 * grows in chunks of {@value #CHUNK} slots instead of copying itself into an array half as large again.
 *
 * <p>Why: an {@link java.util.ArrayList} leaves behind every array it outgrows, and those still point at the nodes
 * they held. The root mapping of an environment of 100,000 values outgrows arrays of more than half a megabyte,
 * which G1 allocates straight into the old generation; there, dead or not, they keep every node they point at alive
 * through each young collection until a concurrent marking finds them dead, so the collector copies the tree (and
 * promotes it) long after it was converted. A chunk is never outgrown: once {@link YamlToSyntax} has let go of a
 * child (setting its slot to null), nothing else points at it. Only the first chunk grows, from a few slots, so
 * that the many small collections of a document stay small.
 */
final class ChunkedNodeList extends AbstractList<YamlNode> implements RandomAccess {
    private static final int SHIFT = 10;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private YamlNode[][] chunks = {new YamlNode[4]};
    private int size;

    @Override
    public boolean add(YamlNode node) {
        int chunk = size >>> SHIFT;
        int slot = size & MASK;
        if (chunk == 0) {
            if (slot == chunks[0].length) {
                chunks[0] = Arrays.copyOf(chunks[0], Math.min(CHUNK, slot * 2));
            }
        } else if (slot == 0) {
            if (chunk == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunk * 2);
            }
            chunks[chunk] = new YamlNode[CHUNK];
        }
        chunks[chunk][slot] = node;
        size++;
        modCount++;
        return true;
    }

    @Override
    public YamlNode get(int index) {
        Objects.checkIndex(index, size);
        return chunks[index >>> SHIFT][index & MASK];
    }

    @Override
    public YamlNode set(int index, YamlNode node) {
        Objects.checkIndex(index, size);
        YamlNode[] chunk = chunks[index >>> SHIFT];
        YamlNode previous = chunk[index & MASK];
        chunk[index & MASK] = node;
        return previous;
    }

    @Override
    public int size() {
        return size;
    }
}
