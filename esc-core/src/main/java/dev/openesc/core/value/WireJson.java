package dev.openesc.core.value;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.schema.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON encoding of the wire model, field for field as the reference's REST API writes it: fields in declaration
 * order, map keys sorted, and the reference's omit-when-empty rules (a {@code null} payload or literal is omitted,
 * {@code false} and {@code ""} are kept; empty lists and maps of an expression are omitted).
 */
public final class WireJson {
    /**
     * Override chains (trace bases) can be as long as an import list, so nesting is not limited. A plain streaming
     * factory: the generators write tokens only, and an ObjectMapper would load about 500 classes at the CLI's
     * start-up for nothing.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE).build())
            // Bytes as the text form gives them: a character beyond the BMP as its UTF-8, not as two escaped surrogates
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /*
     * Field names of every value and range, encoded once: an opened environment repeats them thousands of times,
     * and a generator copies pre-encoded names instead of checking and encoding each character again.
     */
    private static final SerializedString F_VALUE = new SerializedString("value");
    private static final SerializedString F_TRACE = new SerializedString("trace");
    private static final SerializedString F_DEF = new SerializedString("def");
    private static final SerializedString F_BEGIN = new SerializedString("begin");
    private static final SerializedString F_END = new SerializedString("end");
    private static final SerializedString F_LINE = new SerializedString("line");
    private static final SerializedString F_COLUMN = new SerializedString("column");
    private static final SerializedString F_BYTE = new SerializedString("byte");
    private static final SerializedString F_RANGE = new SerializedString("range");
    private static final SerializedString F_ENVIRONMENT = new SerializedString("environment");
    private static final SerializedString F_SECRET = new SerializedString("secret");
    private static final SerializedString F_BASE = new SerializedString("base");
    private static final SerializedString F_SCHEMA = new SerializedString("schema");

    private WireJson() {}

    public static String toJson(Environment env) {
        return render(g -> writeEnvironment(g, env));
    }

    /**
     * {@link #toJson(Environment)} as UTF-8 bytes, written by the generator straight into a byte buffer: an open
     * session keeps these bytes, and encoding them through a text buffer and a String copied the 37 KB of a
     * typical opened environment three times more.
     */
    public static byte[] toJsonBytes(Environment env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            writeEnvironment(g, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String toJson(Value v) {
        return render(g -> writeValue(g, v));
    }

    public static String toJson(Expr x) {
        return render(g -> writeExpr(g, x));
    }

    /** Renders a plain JSON value (null, Boolean, JsonNumber, String, List, Map) as compact text. */
    public static String plainToString(Object plain) {
        return render(g -> writePlain(g, plain));
    }

    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    static String render(Writer w) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            w.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void writeEnvironment(JsonGenerator g, Environment env) throws IOException {
        g.writeStartObject();
        if (env.exprs() != null && !env.exprs().isEmpty()) {
            g.writeFieldName("exprs");
            g.writeStartObject();
            for (Map.Entry<String, Expr> e : sorted(env.exprs()).entrySet()) {
                g.writeFieldName(e.getKey());
                writeExpr(g, e.getValue());
            }
            g.writeEndObject();
        }
        if (env.properties() != null && !env.properties().isEmpty()) {
            g.writeFieldName("properties");
            writeValueMap(g, env.properties());
        }
        if (env.schema() != null) {
            g.writeFieldName(F_SCHEMA);
            writeSchema(g, env.schema());
        }
        if (env.executionContext() != null) {
            g.writeFieldName("executionContext");
            g.writeStartObject();
            EvaluatedExecutionContext ec = env.executionContext();
            if (ec.properties() != null && !ec.properties().isEmpty()) {
                g.writeFieldName("properties");
                writeValueMap(g, ec.properties());
            }
            if (ec.schema() != null) {
                g.writeFieldName(F_SCHEMA);
                writeSchema(g, ec.schema());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    public static void writeSchema(JsonGenerator g, Schema s) throws IOException {
        s.writeJson(g);
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return m instanceof java.util.SortedMap<String, V> ? m : new TreeMap<>(m);
    }

    private static void writeValueMap(JsonGenerator g, Map<String, Value> m) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Value> e : sorted(m).entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    /**
     * Writes a value. The chain of trace bases is written iteratively (it can be as long as an import list); only
     * nesting of lists and maps recurses.
     */
    public static void writeValue(JsonGenerator g, Value top) throws IOException {
        int open = 0;
        for (Value v = top; v != null; v = v.trace().base()) {
            writeValueStart(g, v);
            open++;
            if (v.trace().base() != null) {
                g.writeFieldName(F_BASE);
            }
        }
        for (int i = 0; i < open; i++) {
            g.writeEndObject(); // trace
            g.writeEndObject(); // value
        }
    }

    /** Writes a value's fields up to and including its trace's def, leaving the trace and value objects open. */
    private static void writeValueStart(JsonGenerator g, Value v) throws IOException {
        g.writeStartObject();
        Object p = v.value();
        if (p != null) {
            g.writeFieldName(F_VALUE);
            if (p instanceof List<?>) {
                g.writeStartArray();
                for (Value e : v.asList()) {
                    writeValue(g, e);
                }
                g.writeEndArray();
            } else if (p instanceof Map<?, ?>) {
                writeValueMap(g, v.asMap());
            } else {
                writeScalar(g, p);
            }
        }
        if (v.secret()) {
            g.writeFieldName(F_SECRET);
            g.writeBoolean(true);
        }
        if (v.unknown()) {
            g.writeBooleanField("unknown", true);
        }
        g.writeFieldName(F_TRACE);
        g.writeStartObject();
        g.writeFieldName(F_DEF);
        writeRange(g, v.trace().def());
    }

    private static void writeScalar(JsonGenerator g, Object p) throws IOException {
        if (p == null) {
            g.writeNull();
        } else if (p instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (p instanceof JsonNumber n) {
            g.writeNumber(n.text());
        } else if (p instanceof String s) {
            g.writeString(s);
        } else {
            throw new IllegalArgumentException("not a scalar: " + p.getClass());
        }
    }

    public static void writeRange(JsonGenerator g, Range r) throws IOException {
        g.writeStartObject();
        if (!r.environment().isEmpty()) {
            g.writeFieldName(F_ENVIRONMENT);
            g.writeString(r.environment());
        }
        g.writeFieldName(F_BEGIN);
        writePos(g, r.begin());
        g.writeFieldName(F_END);
        writePos(g, r.end());
        g.writeEndObject();
    }

    private static void writePos(JsonGenerator g, dev.openesc.core.syntax.Pos p) throws IOException {
        g.writeStartObject();
        g.writeFieldName(F_LINE);
        g.writeNumber(p.line());
        g.writeFieldName(F_COLUMN);
        g.writeNumber(p.column());
        g.writeFieldName(F_BYTE);
        g.writeNumber(p.byteOffset());
        g.writeEndObject();
    }

    private static void writeAccessorFields(JsonGenerator g, Accessor a) throws IOException {
        if (a.index() != null) {
            g.writeNumberField("index", a.index());
        }
        if (a.key() != null) {
            g.writeStringField("key", a.key());
        }
        g.writeFieldName(F_RANGE);
        writeRange(g, a.range());
    }

    private static void writePropertyAccessors(JsonGenerator g, List<PropertyAccessor> accessors) throws IOException {
        g.writeStartArray();
        for (PropertyAccessor pa : accessors) {
            g.writeStartObject();
            writeAccessorFields(g, pa.accessor());
            g.writeFieldName(F_VALUE);
            writeRange(g, pa.value() == null ? Range.NONE : pa.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Writes an expression. Its {@code base} (the overridden expression) is written as the last field, so that
     * chains of bases, as long as an import list, are written iteratively.
     */
    public static void writeExpr(JsonGenerator g, Expr top) throws IOException {
        int open = 0;
        for (Expr x = top; x != null; x = x.base()) {
            writeExprFields(g, x);
            open++;
            if (x.base() != null) {
                g.writeFieldName(F_BASE);
            }
        }
        for (int i = 0; i < open; i++) {
            g.writeEndObject();
        }
    }

    /** Writes every field of an expression but its base, leaving the object open. */
    private static void writeExprFields(JsonGenerator g, Expr x) throws IOException {
        g.writeStartObject();
        g.writeFieldName(F_RANGE);
        writeRange(g, x.range());
        if (x.schema() != null) {
            g.writeFieldName(F_SCHEMA);
            writeSchema(g, x.schema());
        }
        if (x.keyRanges() != null && !x.keyRanges().isEmpty()) {
            g.writeFieldName("keyRanges");
            g.writeStartObject();
            for (Map.Entry<String, Range> e : sorted(x.keyRanges()).entrySet()) {
                g.writeFieldName(e.getKey());
                writeRange(g, e.getValue());
            }
            g.writeEndObject();
        }
        if (x.literal() != null) {
            g.writeFieldName("literal");
            writeScalar(g, x.literal());
        }
        if (x.interpolate() != null && !x.interpolate().isEmpty()) {
            g.writeFieldName("interpolate");
            g.writeStartArray();
            for (Interpolation i : x.interpolate()) {
                g.writeStartObject();
                if (i.text() != null && !i.text().isEmpty()) {
                    g.writeStringField("text", i.text());
                }
                if (i.value() != null && !i.value().isEmpty()) {
                    g.writeFieldName(F_VALUE);
                    writePropertyAccessors(g, i.value());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (x.symbol() != null && !x.symbol().isEmpty()) {
            g.writeFieldName("symbol");
            writePropertyAccessors(g, x.symbol());
        }
        if (x.access() != null) {
            g.writeFieldName("access");
            g.writeStartObject();
            g.writeFieldName("receiver");
            writeRange(g, x.access().receiver());
            g.writeFieldName("accessors");
            g.writeStartArray();
            for (Accessor a : x.access().accessors()) {
                g.writeStartObject();
                writeAccessorFields(g, a);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (x.list() != null && !x.list().isEmpty()) {
            g.writeFieldName("list");
            g.writeStartArray();
            for (Expr e : x.list()) {
                writeExpr(g, e);
            }
            g.writeEndArray();
        }
        if (x.object() != null && !x.object().isEmpty()) {
            g.writeFieldName("object");
            g.writeStartObject();
            for (Map.Entry<String, Expr> e : sorted(x.object()).entrySet()) {
                g.writeFieldName(e.getKey());
                writeExpr(g, e.getValue());
            }
            g.writeEndObject();
        }
        if (x.builtin() != null) {
            BuiltinExpr b = x.builtin();
            g.writeFieldName("builtin");
            g.writeStartObject();
            g.writeStringField("name", b.name());
            g.writeFieldName("nameRange");
            writeRange(g, b.nameRange());
            g.writeFieldName("argSchema");
            if (b.argSchema() == null) {
                g.writeNull();
            } else {
                writeSchema(g, b.argSchema());
            }
            g.writeFieldName("arg");
            writeExpr(g, b.arg());
            g.writeEndObject();
        }
    }

    /** Writes plain JSON (null, Boolean, JsonNumber, String, List, Map). */
    public static void writePlain(JsonGenerator g, Object p) throws IOException {
        if (p instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                writePlain(g, o);
            }
            g.writeEndArray();
        } else if (p instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writePlain(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            writeScalar(g, p);
        }
    }
}
