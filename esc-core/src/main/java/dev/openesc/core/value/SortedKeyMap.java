package dev.openesc.core.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * An immutable map with string keys in their natural order, stored as two parallel arrays. Evaluated objects are
 * built from keys that are already sorted; this map takes them as they are, in linear time and with two small
 * arrays, where a {@link java.util.TreeMap} would compare and rebalance on every insertion and allocate an entry
 * object per key (which matters for objects of a hundred thousand properties). Lookups are binary searches.
 *
 * @param <V> the value type
 */
public final class SortedKeyMap<V> extends AbstractMap<String, V> implements SortedMap<String, V> {
    private static final SortedKeyMap<?> EMPTY = new SortedKeyMap<>(new String[0], new Object[0], 0, 0);

    private final String[] keys;
    private final Object[] values;
    private final int from;
    private final int to;

    private SortedKeyMap(String[] keys, Object[] values, int from, int to) {
        this.keys = keys;
        this.values = values;
        this.from = from;
        this.to = to;
    }

    /**
     * A map of the given keys, which must be strictly ascending in natural order, to the values at the same
     * positions.
     *
     * @throws IllegalArgumentException when the keys are not strictly ascending or the lists differ in size
     */
    public static <V> SortedKeyMap<V> ofSorted(List<String> keys, List<? extends V> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException("keys and values differ in number");
        }
        return adopt(keys.toArray(new String[0]), values.toArray());
    }

    /**
     * Like {@link #ofSorted} but taking both arrays as they are, without copying them: for callers that built them
     * for this map alone and do not touch them afterwards (the evaluator's export of every object value).
     *
     * @throws IllegalArgumentException when the keys are not strictly ascending or the arrays differ in length
     */
    public static <V> SortedKeyMap<V> adopt(String[] keys, Object[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException("keys and values differ in number");
        }
        for (int i = 1; i < keys.length; i++) {
            if (keys[i - 1].compareTo(keys[i]) >= 0) {
                throw new IllegalArgumentException("keys are not strictly ascending at index " + i);
            }
        }
        return new SortedKeyMap<>(keys, values, 0, keys.length);
    }

    /**
     * A map of the same keys as {@code keysOf} to {@code values} (taken as they are, like {@link #adopt}). The keys
     * were checked when {@code keysOf} was made and are never written, so they are shared without a second walk:
     * an evaluated object, its record schema and its exported expression all have the keys of the declared object,
     * and for an object of 100,000 properties each walk was 100,000 string comparisons, each likely a cache miss.
     *
     * @throws IllegalArgumentException when {@code values} does not have one value per key
     */
    public static <V> SortedKeyMap<V> withKeysOf(SortedKeyMap<?> keysOf, Object[] values) {
        if (values.length != keysOf.size()) {
            throw new IllegalArgumentException("keys and values differ in number");
        }
        if (keysOf.from == 0 && keysOf.to == keysOf.keys.length) {
            return new SortedKeyMap<>(keysOf.keys, values, 0, values.length);
        }
        return new SortedKeyMap<>(Arrays.copyOfRange(keysOf.keys, keysOf.from, keysOf.to), values, 0,
                values.length);
    }

    @SuppressWarnings("unchecked")
    public static <V> SortedKeyMap<V> empty() {
        return (SortedKeyMap<V>) EMPTY;
    }

    private int indexOf(Object key) {
        if (!(key instanceof String s)) {
            return -1;
        }
        int i = Arrays.binarySearch(keys, from, to, s);
        return i >= 0 ? i : -1;
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    /**
     * The keys in ascending order, as a read-only list over this map's own array (no copy): for callers that need
     * an object's sorted keys as a list, which would otherwise copy and sort again keys already checked in order.
     */
    public List<String> keyList() {
        return Collections.unmodifiableList(Arrays.asList(keys).subList(from, to));
    }

    /** The key at {@code index} in key order (0 to {@code size() - 1}): for walks in step with another sorted list. */
    public String keyAt(int index) {
        Objects.checkIndex(index, to - from);
        return keys[from + index];
    }

    /** The value at {@code index} in key order, aligned with {@link #keyAt}. */
    @SuppressWarnings("unchecked")
    public V valueAt(int index) {
        Objects.checkIndex(index, to - from);
        return (V) values[from + index];
    }

    /** In key order, without an entry object per key (the entry set's iterator makes one each). */
    @Override
    @SuppressWarnings("unchecked")
    public void forEach(java.util.function.BiConsumer<? super String, ? super V> action) {
        for (int i = from; i < to; i++) {
            action.accept(keys[i], (V) values[i]);
        }
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return to - from;
            }

            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next = from;

                    @Override
                    public boolean hasNext() {
                        return next < to;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= to) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
                    }
                };
            }
        };
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public SortedMap<String, V> subMap(String fromKey, String toKey) {
        if (fromKey.compareTo(toKey) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return window(lowerBound(fromKey), lowerBound(toKey));
    }

    @Override
    public SortedMap<String, V> headMap(String toKey) {
        return window(from, lowerBound(toKey));
    }

    @Override
    public SortedMap<String, V> tailMap(String fromKey) {
        return window(lowerBound(fromKey), to);
    }

    @Override
    public String firstKey() {
        if (from == to) {
            throw new NoSuchElementException();
        }
        return keys[from];
    }

    @Override
    public String lastKey() {
        if (from == to) {
            throw new NoSuchElementException();
        }
        return keys[to - 1];
    }

    /** The index of the first key not below {@code key}. */
    private int lowerBound(String key) {
        int i = Arrays.binarySearch(keys, from, to, key);
        return i >= 0 ? i : -i - 1;
    }

    private SortedKeyMap<V> window(int start, int end) {
        return new SortedKeyMap<>(keys, values, start, Math.max(start, end));
    }
}
