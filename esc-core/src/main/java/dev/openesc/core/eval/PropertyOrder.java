package dev.openesc.core.eval;

import dev.openesc.core.value.SortedKeyMap;
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
    private SortedKeyMap<ExprNode> map;

    private PropertyOrder(String[] keys, ExprNode[] nodes) {
        this.keys = keys;
        this.nodes = nodes;
        this.keyList = Collections.unmodifiableList(Arrays.asList(keys));
    }

    /**
     * How the entries of an object, given in document order, are declared: which of them repeat a key written
     * before them (reported, not declared), and the key order of the others. Found with one sort of the keys
     * instead of a hash table of every key: the table (for the root of a large environment, 100,000 entries and a
     * megabyte of buckets per pass) was only read to find repeats and to look up names, which the sorted keys
     * answer as well ({@link #asMap}). The sort is adaptive and stable, and documents are often written wholly or
     * partly in key order.
     */
    static final class Plan {
        /** The keys to declare, sorted, and at the same positions their entries' document positions. */
        private final String[] keys;
        private final int[] entries;
        /** By document position: the entry repeats an earlier key. Null when no key repeats. */
        private final boolean[] repeats;

        private Plan(String[] keys, int[] entries, boolean[] repeats) {
            this.keys = keys;
            this.entries = entries;
            this.repeats = repeats;
        }

        /** True when the entry at this document position repeats a key written before it. */
        boolean repeats(int entry) {
            return repeats != null && repeats[entry];
        }

        /** The declared properties in key order, from their expressions by document position. */
        PropertyOrder order(ExprNode[] byEntry) {
            if (keys.length == 0) {
                return EMPTY;
            }
            ExprNode[] nodes = new ExprNode[keys.length];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = byEntry[entries[i]];
            }
            return new PropertyOrder(keys, nodes);
        }
    }

    /**
     * Plans the declaration of entries whose keys are given by document position; a null key is an entry that is
     * not declared at all (rejected or reserved).
     */
    static Plan plan(String[] byEntry) {
        int count = 0;
        boolean ascending = true;
        String last = null;
        for (String k : byEntry) {
            if (k != null) {
                ascending = ascending && (last == null || last.compareTo(k) < 0);
                last = k;
                count++;
            }
        }
        String[] keys = new String[count];
        int[] entries = new int[count];
        if (ascending) {
            // strictly ascending: nothing repeats and nothing moves
            int n = 0;
            for (int i = 0; i < byEntry.length; i++) {
                if (byEntry[i] != null) {
                    keys[n] = byEntry[i];
                    entries[n++] = i;
                }
            }
            return new Plan(keys, entries, null);
        }
        int[] sorted = new int[count];
        int n = 0;
        for (int i = 0; i < byEntry.length; i++) {
            if (byEntry[i] != null) {
                sorted[n++] = i;
            }
        }
        // stable: of equal keys, the one written first stays first and is the one declared
        sorted = sortByKey(byEntry, sorted);
        boolean[] repeats = null;
        n = 0;
        String previous = null;
        for (int position : sorted) {
            String key = byEntry[position];
            if (key.equals(previous)) {
                if (repeats == null) {
                    repeats = new boolean[byEntry.length];
                }
                repeats[position] = true;
                continue;
            }
            previous = key;
            keys[n] = key;
            entries[n++] = position;
        }
        return new Plan(n == count ? keys : Arrays.copyOf(keys, n), n == count ? entries : Arrays.copyOf(entries, n),
                repeats);
    }

    /**
     * Document positions sorted by their keys, stably: a merge sort of the non-descending runs the positions already
     * form (documents are often written wholly or in runs in key order), on the positions themselves rather than
     * on an object per entry pairing key and position (for the root of a large environment, 100,000 objects per
     * pass made only to be sorted). The runs are found once; each round merges them in pairs. Returns
     * {@code positions} or a new array.
     */
    static int[] sortByKey(String[] keys, int[] positions) {
        int n = positions.length;
        if (n < SMALL) {
            insertionSort(keys, positions);
            return positions;
        }
        // where each run starts, then n
        int[] bounds = new int[8];
        int runs = 0;
        for (int start = 0; start < n; runs++) {
            if (runs + 1 >= bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[runs] = start;
            start++;
            while (start < n && keys[positions[start - 1]].compareTo(keys[positions[start]]) <= 0) {
                start++;
            }
        }
        if (runs <= 1) {
            return positions;
        }
        bounds[runs] = n;
        int[] from = positions;
        int[] to = new int[n];
        while (runs > 1) {
            int merged = 0;
            for (int r = 0; r < runs; r += 2) {
                int start = bounds[r];
                int middle = bounds[r + 1];
                int end = r + 2 <= runs ? bounds[r + 2] : middle;
                merge(keys, from, to, start, middle, end);
                // the bounds read are behind the one written
                bounds[merged++] = start;
            }
            bounds[merged] = n;
            runs = merged;
            int[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    /** Below this many keys, an insertion sort in place: no arrays beside the positions. */
    private static final int SMALL = 32;

    private static void insertionSort(String[] keys, int[] positions) {
        for (int i = 1; i < positions.length; i++) {
            int p = positions[i];
            int j = i;
            // stable: moves only past strictly greater keys
            while (j > 0 && keys[positions[j - 1]].compareTo(keys[p]) > 0) {
                positions[j] = positions[j - 1];
                j--;
            }
            positions[j] = p;
        }
    }

    /** Merges the sorted ranges [start, middle) and [middle, end) of {@code from} into {@code to}; ties: left first. */
    private static void merge(String[] keys, int[] from, int[] to, int start, int middle, int end) {
        int i = start;
        int j = middle;
        int k = start;
        while (i < middle && j < end) {
            to[k++] = keys[from[j]].compareTo(keys[from[i]]) < 0 ? from[j++] : from[i++];
        }
        System.arraycopy(from, i, to, k, middle - i);
        System.arraycopy(from, j, to, k + middle - i, end - j);
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

    /**
     * The declared properties by key, read-only: lookups are binary searches over the sorted keys. Made when first
     * asked and kept.
     */
    SortedKeyMap<ExprNode> asMap() {
        if (map == null) {
            map = SortedKeyMap.adopt(keys, nodes);
        }
        return map;
    }

    /** The keys, sorted, as a read-only list. */
    List<String> keyList() {
        return keyList;
    }
}
