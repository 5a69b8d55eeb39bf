package dev.openesc.core.eval;

import dev.openesc.core.value.SortedKeyMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The merges behind {@link EvalValue#keys} and its aligned properties: an object's keys are merged with the keys of
 * the objects below it as sorted lists, and its properties over theirs in the same order, each in one linear pass.
 */
final class SortedMerge {
    private SortedMerge() {}

    /** The keys of a map, sorted. */
    static List<String> sortedKeys(Map<String, EvalValue> m) {
        if (m instanceof SortedKeyMap<EvalValue> sorted) {
            // an evaluated object: its keys were checked in order when it was made
            return sorted.keyList();
        }
        List<String> ks = new ArrayList<>(m.keySet());
        // objects are built in key order, which makes this a linear check
        Collections.sort(ks);
        return ks;
    }

    /** The union of two sorted key lists, sorted, in linear time. */
    static List<String> union(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            int c = a.get(i).compareTo(b.get(j));
            if (c <= 0) {
                out.add(a.get(i++));
                if (c == 0) {
                    j++;
                }
            } else {
                out.add(b.get(j++));
            }
        }
        out.addAll(a.subList(i, a.size()));
        out.addAll(b.subList(j, b.size()));
        return out;
    }

    /**
     * Fills {@code values} from one pass over the own map's entries, when the map iterates in key order (evaluated
     * objects are built in key order); false when it does not, and {@code values} must be filled by lookup. An own
     * property taken out of order is impossible to miss: the entries are only consumed in key order, so any entry
     * out of order is left over at the end.
     */
    static boolean fillInKeyOrder(Map<String, EvalValue> own, List<String> keys, List<String> belowKeys,
            EvalValue[] below, EvalValue[] values) {
        if (own instanceof SortedKeyMap<EvalValue> sorted) {
            return fillInKeyOrder(sorted, keys, belowKeys, below, values);
        }
        Iterator<Map.Entry<String, EvalValue>> entries = own.entrySet().iterator();
        Map.Entry<String, EvalValue> next = entries.hasNext() ? entries.next() : null;
        int j = 0;
        for (int k = 0; k < values.length; k++) {
            String key = keys.get(k);
            if (next != null && next.getKey().equals(key)) {
                values[k] = next.getValue();
                next = entries.hasNext() ? entries.next() : null;
                continue;
            }
            // the keys below are a sorted subset of this level's: advance to this key
            j = indexFrom(belowKeys, j, key);
            if (j < 0) {
                return false;
            }
            values[k] = below[j];
        }
        return next == null;
    }

    /**
     * The same walk over an evaluated object's arrays by index: its entry set would make an entry object per
     * property (100,000 per pass for the root of a large environment).
     */
    private static boolean fillInKeyOrder(SortedKeyMap<EvalValue> own, List<String> keys, List<String> belowKeys,
            EvalValue[] below, EvalValue[] values) {
        int o = 0;
        int j = 0;
        for (int k = 0; k < values.length; k++) {
            String key = keys.get(k);
            if (o < own.size() && own.keyAt(o).equals(key)) {
                values[k] = own.valueAt(o++);
                continue;
            }
            j = indexFrom(belowKeys, j, key);
            if (j < 0) {
                return false;
            }
            values[k] = below[j];
        }
        return o == own.size();
    }

    /** Where {@code key} is in the sorted {@code belowKeys}, looking from {@code from} on; -1 if it is not there. */
    private static int indexFrom(List<String> belowKeys, int from, String key) {
        int j = from;
        while (j < belowKeys.size() && belowKeys.get(j).compareTo(key) < 0) {
            j++;
        }
        return j < belowKeys.size() && belowKeys.get(j).equals(key) ? j : -1;
    }

    static void fillByLookup(Map<String, EvalValue> own, List<String> keys, List<String> belowKeys,
            EvalValue[] below, EvalValue[] values) {
        int j = 0;
        for (int k = 0; k < values.length; k++) {
            String key = keys.get(k);
            while (j < belowKeys.size() && belowKeys.get(j).compareTo(key) < 0) {
                j++;
            }
            EvalValue v = own.get(key);
            if (v == null && j < belowKeys.size() && belowKeys.get(j).equals(key)) {
                v = below[j];
            }
            values[k] = v;
        }
    }
}
