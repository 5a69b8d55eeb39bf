package dev.openesc.core.schema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The properties of a record merged over a base record, as a read-only view of the two instead of a copy: the
 * base's properties first (merged with the top's where both have one), then the top's others, which is the order and
 * content of the table {@link SchemaMerge} otherwise builds. Used when the top is large: the root of an environment
 * of 100,000 values is merged over its imports once per evaluation pass, and the copy was a table of 100,000 entries
 * each time. Both records' property maps are immutable, so the view never changes.
 */
final class OverlaidProperties extends AbstractMap<String, Schema> {
    private final Map<String, Schema> base;
    private final Map<String, Schema> top;
    /** The merged schema of every name both records have. */
    private final Map<String, Schema> both;

    OverlaidProperties(Map<String, Schema> base, Map<String, Schema> top) {
        this.base = base;
        this.top = top;
        this.both = new HashMap<>();
        base.forEach((name, baseProperty) -> {
            Schema topProperty = top.get(name);
            if (topProperty != null) {
                both.put(name, SchemaMerge.merged(baseProperty, topProperty));
            }
        });
    }

    @Override
    public int size() {
        return base.size() + top.size() - both.size();
    }

    @Override
    public boolean containsKey(Object name) {
        return top.containsKey(name) || base.containsKey(name);
    }

    @Override
    public Schema get(Object name) {
        Schema merged = both.get(name);
        if (merged != null) {
            return merged;
        }
        Schema topProperty = top.get(name);
        return topProperty != null ? topProperty : base.get(name);
    }

    /** In the entry set's order, without an entry object per property. */
    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super Schema> action) {
        base.forEach((name, baseProperty) -> {
            Schema merged = both.get(name);
            action.accept(name, merged != null ? merged : baseProperty);
        });
        top.forEach((name, topProperty) -> {
            if (!base.containsKey(name)) {
                action.accept(name, topProperty);
            }
        });
    }

    @Override
    public Set<Entry<String, Schema>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return OverlaidProperties.this.size();
            }

            @Override
            public Iterator<Entry<String, Schema>> iterator() {
                return new Iterator<>() {
                    private final Iterator<Entry<String, Schema>> fromBase = base.entrySet().iterator();
                    private final Iterator<Entry<String, Schema>> fromTop = top.entrySet().iterator();
                    private Entry<String, Schema> next = advance();

                    private Entry<String, Schema> advance() {
                        if (fromBase.hasNext()) {
                            Entry<String, Schema> e = fromBase.next();
                            Schema merged = both.get(e.getKey());
                            return merged == null ? e : new SimpleImmutableEntry<>(e.getKey(), merged);
                        }
                        while (fromTop.hasNext()) {
                            Entry<String, Schema> e = fromTop.next();
                            if (!base.containsKey(e.getKey())) {
                                return e;
                            }
                        }
                        return null;
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public Entry<String, Schema> next() {
                        if (next == null) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Schema> e = next;
                        next = advance();
                        return e;
                    }
                };
            }
        };
    }
}
