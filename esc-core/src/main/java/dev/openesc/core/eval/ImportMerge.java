package dev.openesc.core.eval;

import dev.openesc.core.schema.Schema;
import java.util.HashMap;
import java.util.Map;

/**
 * Merges imported environments, in order, into the base that an environment's own values override.
 *
 * <p>Merging each import over the previous result would build a chain as long as the import list, and every key
 * lookup, key listing and schema merge would walk that chain (quadratic in the number of imports). Instead, as long
 * as the imports are known objects, the base is kept as one flattened object: each imported property is merged over
 * the property of the same key (which keeps the per-key override chains, i.e. the traces, exactly as a chained merge
 * would) and replaces it in the flattened map. The flattened object's schema is computed once at the end.
 */
final class ImportMerge {
    private ImportMerge() {}

    /** Marks the flattened bases this class created (and may therefore mutate). */
    private static final class Flattened extends HashMap<String, EvalValue> {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Merges an imported environment's value over {@code base} (null, or a base this class made) and returns the
     * new base. {@code imported} itself is never changed: it is the import's memoised value, which a diamond
     * merges again elsewhere. Only the properties that land on a property already in the base are copied before
     * the merge changes them; the others are shared as they are (nothing changes them afterwards: later merges only
     * read what they merge over). Copying the whole imported value instead made an import chain quadratic: every
     * level's value holds its flattened base, all the levels below it.
     */
    static EvalValue mergeOver(EvalValue imported, EvalValue base) {
        if (!isKnownObject(imported) || (base != null && !(base.repr instanceof Flattened))) {
            EvalValue top = EvalValue.copyOf(imported);
            top.merge(base);
            return top;
        }
        EvalValue flat = base;
        if (flat == null) {
            flat = new EvalValue(imported.def, null);
            flat.repr = new Flattened();
        }
        flat.def = imported.def;
        Flattened props = (Flattened) flat.repr;
        for (String k : imported.keys()) {
            EvalValue p = imported.property(imported.def.syntax(), k);
            EvalValue under = props.get(k);
            if (under != null) {
                p = EvalValue.copyOf(p);
                p.merge(under);
            }
            props.put(k, p);
        }
        flat.invalidateKeys();
        return flat;
    }

    private static boolean isKnownObject(EvalValue v) {
        return v != null && !v.unknown && v.repr instanceof Map<?, ?>;
    }

    /** Gives a flattened base its schema, once all imports are merged. */
    static void finish(EvalValue base) {
        if (base != null && base.repr instanceof Flattened props) {
            Map<String, Schema> schemas = new HashMap<>(props.size() * 2);
            for (Map.Entry<String, EvalValue> e : props.entrySet()) {
                schemas.put(e.getKey(), e.getValue().schema);
            }
            base.schema = SchemaOps.record(schemas);
        }
    }
}
