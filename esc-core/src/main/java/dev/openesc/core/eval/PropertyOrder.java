package dev.openesc.core.eval;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The declared properties of an object expression in key order: the keys and, at the same positions, their
 * expressions. Evaluating the object and exporting its expression walk the properties in this order; with the
 * expressions beside the keys neither looks each key up again in the property table, which for an object of
 * 100,000 properties was two hash lookups per property and pass, each likely a cache miss. Both arrays are filled
 * once by the declarer and never written afterwards, so exported maps may share the key array.
 */
final class PropertyOrder {
    static final PropertyOrder EMPTY = new PropertyOrder(new String[0], new ExprNode[0]);

    private final String[] keys;
    private final ExprNode[] nodes;
    private final List<String> keyList;

    private PropertyOrder(String[] keys, ExprNode[] nodes) {
        this.keys = keys;
        this.nodes = nodes;
        this.keyList = Collections.unmodifiableList(Arrays.asList(keys));
    }

    /** One declared property, sorted by key. */
    private record Declared(String key, ExprNode node) implements Comparable<Declared> {
        @Override
        public int compareTo(Declared o) {
            return key.compareTo(o.key);
        }
    }

    /**
     * Sorts properties given in document order (distinct keys). The sort is adaptive, and documents are often
     * written wholly or partly in key order, where a hash table's order is always random: sorting the 100,000 keys
     * of a large root from a hash table was a visible share of each pass.
     */
    static PropertyOrder sorted(List<String> keys, List<ExprNode> nodes) {
        if (keys.isEmpty()) {
            return EMPTY;
        }
        if (ascending(keys)) {
            return new PropertyOrder(keys.toArray(new String[0]), nodes.toArray(new ExprNode[0]));
        }
        Declared[] declared = new Declared[keys.size()];
        for (int i = 0; i < declared.length; i++) {
            declared[i] = new Declared(keys.get(i), nodes.get(i));
        }
        Arrays.sort(declared);
        String[] k = new String[declared.length];
        ExprNode[] n = new ExprNode[declared.length];
        for (int i = 0; i < declared.length; i++) {
            k[i] = declared[i].key;
            n[i] = declared[i].node;
        }
        return new PropertyOrder(k, n);
    }

    private static boolean ascending(List<String> keys) {
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i - 1).compareTo(keys.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return keys.length;
    }

    String key(int i) {
        return keys[i];
    }

    ExprNode node(int i) {
        return nodes[i];
    }

    /** The keys, sorted, as a read-only list. */
    List<String> keyList() {
        return keyList;
    }

    /** The sorted key array itself, for a map that adopts it (it is never written). */
    String[] sharedKeys() {
        return keys;
    }
}
