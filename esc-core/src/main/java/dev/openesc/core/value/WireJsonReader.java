package dev.openesc.core.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.syntax.Pos;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the wire JSON that {@link WireJson} writes back into the wire model: environments, values and expressions,
 * number text kept exactly. Chains of trace bases and expression bases are read without recursion, as they are
 * written, so an environment with a long import list reads back like any other.
 */
public final class WireJsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build();

    private WireJsonReader() {}

    /** Reads an environment; {@code {}} is the environment with every field null. */
    public static Environment environment(String json) {
        Map<String, Object> o = object(parse(json), "environment");
        Map<String, Object> exprs = optObject(o, "exprs");
        Map<String, Object> props = optObject(o, "properties");
        Map<String, Object> ec = optObject(o, "executionContext");
        EvaluatedExecutionContext context = null;
        if (ec != null) {
            Map<String, Object> ecProps = optObject(ec, "properties");
            context = new EvaluatedExecutionContext(ecProps == null ? null : valueMap(ecProps), schema(ec.get("schema")));
        }
        Map<String, Expr> exprMap = null;
        if (exprs != null) {
            exprMap = new TreeMap<>();
            for (Map.Entry<String, Object> e : exprs.entrySet()) {
                exprMap.put(e.getKey(), expr(e.getValue()));
            }
        }
        return new Environment(exprMap, props == null ? null : valueMap(props), schema(o.get("schema")), context);
    }

    public static Value value(String json) {
        return value(parse(json));
    }

    public static Expr expr(String json) {
        return expr(parse(json));
    }

    /** Parses JSON text into plain values: null, Boolean, String, {@link JsonNumber}, List, Map (ordered). */
    public static Object parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            Object result = readPlain(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after JSON value");
            }
            return result;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JSON", e);
        }
    }

    /** Reads one JSON value with an explicit stack, so nesting depth costs heap, not thread stack. */
    private static Object readPlain(JsonParser p) throws IOException {
        Deque<Object> containers = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new IllegalArgumentException("empty JSON text");
        }
        while (true) {
            Object done;
            switch (t) {
                case START_OBJECT -> {
                    containers.push(new LinkedHashMap<String, Object>());
                    t = p.nextToken();
                    continue;
                }
                case START_ARRAY -> {
                    containers.push(new ArrayList<>());
                    t = p.nextToken();
                    continue;
                }
                case FIELD_NAME -> {
                    keys.push(p.currentName());
                    t = p.nextToken();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> done = containers.pop();
                case VALUE_STRING -> done = p.getText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> done = new JsonNumber(p.getText());
                case VALUE_TRUE -> done = Boolean.TRUE;
                case VALUE_FALSE -> done = Boolean.FALSE;
                case VALUE_NULL -> done = null;
                default -> throw new IllegalArgumentException("unexpected JSON token " + t);
            }
            if (containers.isEmpty()) {
                return done;
            }
            add(containers.peek(), keys, done);
            t = p.nextToken();
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Object container, Deque<String> keys, Object item) {
        if (container instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put(keys.pop(), item);
        } else {
            ((List<Object>) container).add(item);
        }
    }

    /** A value and its chain of trace bases, built from the innermost base outwards. */
    private static Value value(Object plain) {
        List<Map<String, Object>> chain = new ArrayList<>();
        for (Object cur = plain; cur != null; ) {
            Map<String, Object> o = object(cur, "value");
            chain.add(o);
            Map<String, Object> trace = optObject(o, "trace");
            cur = trace == null ? null : trace.get("base");
        }
        Value built = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Map<String, Object> o = chain.get(i);
            Map<String, Object> trace = optObject(o, "trace");
            Range def = trace == null ? Range.NONE : range(trace.get("def"));
            built = new Value(payload(o.get("value")), Boolean.TRUE.equals(o.get("secret")),
                    Boolean.TRUE.equals(o.get("unknown")), new Trace(def, built));
        }
        return built;
    }

    private static Object payload(Object plain) {
        if (plain instanceof List<?> l) {
            List<Value> out = new ArrayList<>(l.size());
            for (Object e : l) {
                out.add(value(e));
            }
            return out;
        }
        if (plain instanceof Map<?, ?>) {
            return valueMap(object(plain, "value"));
        }
        return plain;
    }

    private static Map<String, Value> valueMap(Map<String, Object> o) {
        TreeMap<String, Value> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : o.entrySet()) {
            out.put(e.getKey(), value(e.getValue()));
        }
        return out;
    }

    /** An expression and its chain of bases, built from the innermost base outwards. */
    private static Expr expr(Object plain) {
        List<Map<String, Object>> chain = new ArrayList<>();
        for (Object cur = plain; cur != null; cur = object(cur, "expression").get("base")) {
            chain.add(object(cur, "expression"));
        }
        Expr built = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            built = exprFields(chain.get(i), built);
        }
        return built;
    }

    private static Expr exprFields(Map<String, Object> o, Expr base) {
        Map<String, Range> keyRanges = null;
        Map<String, Object> kr = optObject(o, "keyRanges");
        if (kr != null) {
            keyRanges = new TreeMap<>();
            for (Map.Entry<String, Object> e : kr.entrySet()) {
                keyRanges.put(e.getKey(), range(e.getValue()));
            }
        }
        List<Interpolation> interpolate = null;
        if (o.get("interpolate") instanceof List<?> parts) {
            interpolate = new ArrayList<>();
            for (Object part : parts) {
                Map<String, Object> po = object(part, "interpolation");
                interpolate.add(new Interpolation((String) po.getOrDefault("text", ""), propertyAccessors(po.get("value"))));
            }
        }
        AccessExpr access = null;
        Map<String, Object> ao = optObject(o, "access");
        if (ao != null) {
            List<Accessor> accessors = new ArrayList<>();
            if (ao.get("accessors") instanceof List<?> l) {
                for (Object a : l) {
                    accessors.add(accessor(object(a, "accessor")));
                }
            }
            access = new AccessExpr(range(ao.get("receiver")), accessors);
        }
        List<Expr> list = null;
        if (o.get("list") instanceof List<?> l) {
            list = new ArrayList<>(l.size());
            for (Object e : l) {
                list.add(expr(e));
            }
        }
        Map<String, Expr> object = null;
        Map<String, Object> oo = optObject(o, "object");
        if (oo != null) {
            object = new TreeMap<>();
            for (Map.Entry<String, Object> e : oo.entrySet()) {
                object.put(e.getKey(), expr(e.getValue()));
            }
        }
        BuiltinExpr builtin = null;
        Map<String, Object> bo = optObject(o, "builtin");
        if (bo != null) {
            builtin = new BuiltinExpr((String) bo.get("name"), range(bo.get("nameRange")), schema(bo.get("argSchema")),
                    bo.get("arg") == null ? null : expr(bo.get("arg")));
        }
        return new Expr(range(o.get("range")), schema(o.get("schema")), base, keyRanges, o.get("literal"), interpolate,
                o.containsKey("symbol") ? propertyAccessors(o.get("symbol")) : null, access, list, object, builtin);
    }

    private static List<PropertyAccessor> propertyAccessors(Object plain) {
        if (!(plain instanceof List<?> l)) {
            return null;
        }
        List<PropertyAccessor> out = new ArrayList<>(l.size());
        for (Object e : l) {
            Map<String, Object> o = object(e, "property accessor");
            out.add(new PropertyAccessor(accessor(o), o.containsKey("value") ? range(o.get("value")) : null));
        }
        return out;
    }

    private static Accessor accessor(Map<String, Object> o) {
        Integer index = o.get("index") instanceof JsonNumber n ? Integer.valueOf(n.text()) : null;
        return new Accessor(index, (String) o.get("key"), range(o.get("range")));
    }

    private static Range range(Object plain) {
        if (plain == null) {
            return Range.NONE;
        }
        Map<String, Object> o = object(plain, "range");
        return new Range((String) o.get("environment"), pos(o.get("begin")), pos(o.get("end")));
    }

    private static Pos pos(Object plain) {
        if (plain == null) {
            return Pos.ZERO;
        }
        Map<String, Object> o = object(plain, "position");
        return new Pos(integer(o.get("line")), integer(o.get("column")), integer(o.get("byte")));
    }

    private static int integer(Object plain) {
        return plain instanceof JsonNumber n ? Integer.parseInt(n.text()) : 0;
    }

    private static Schema schema(Object plain) {
        return plain == null ? null : Schema.fromValue(plain);
    }

    private static Map<String, Object> optObject(Map<String, Object> o, String key) {
        Object v = o.get(key);
        return v == null ? null : object(v, key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object plain, String what) {
        if (plain instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("expected a JSON object for " + what);
    }
}
