package dev.openesc.core.eval;

import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns wire values (from providers, the context, fn::fromJSON) into evaluation values defined by an expression. */
final class Unexport {
    private Unexport() {}

    static EvalValue fromValue(Value v, ExprNode x) {
        EvalValue out = new EvalValue(x, null);
        out.secret = v.secret() || x.secret;
        out.unknown = v.unknown();
        Object p = v.value();
        if (p == null) {
            out.schema = SchemaOps.nul();
        } else if (p instanceof Boolean b) {
            out.repr = b;
            out.schema = SchemaOps.boolConst(b);
        } else if (p instanceof JsonNumber n) {
            out.repr = n;
            out.schema = SchemaOps.numberConst(n);
        } else if (p instanceof String s) {
            out.repr = s;
            out.schema = SchemaOps.stringConst(s);
        } else if (p instanceof List<?>) {
            List<Value> src = v.asList();
            List<EvalValue> items = new ArrayList<>(src.size());
            List<Schema> schemas = new ArrayList<>(src.size());
            for (Value e : src) {
                EvalValue ev = fromValue(e, x);
                items.add(ev);
                schemas.add(ev.schema);
            }
            out.repr = items;
            out.schema = SchemaOps.tuple(schemas);
        } else {
            Map<String, Value> src = v.asMap();
            Map<String, EvalValue> props = new HashMap<>(src.size() * 2);
            Map<String, Schema> schemas = new HashMap<>(src.size() * 2);
            for (Map.Entry<String, Value> e : src.entrySet()) {
                EvalValue ev = fromValue(e.getValue(), x);
                props.put(e.getKey(), ev);
                schemas.put(e.getKey(), ev.schema);
            }
            out.repr = props;
            out.schema = SchemaOps.record(schemas);
        }
        return out;
    }
}
