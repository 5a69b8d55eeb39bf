package dev.openesc.core.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Test helpers for JSON trees: reading with exact decimals, and comparing with numbers compared by value. */
final class JsonTrees {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonTrees() {}

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Describes the first difference between two trees, or returns null when they are equal. Numbers compare by
     * value; when {@code checkKeyOrder} is set, object members must also come in the same order.
     */
    static String difference(JsonNode expected, JsonNode actual, boolean checkKeyOrder) {
        return difference("", expected, actual, checkKeyOrder);
    }

    private static String difference(String at, JsonNode e, JsonNode a, boolean order) {
        if (e.isNumber() && a.isNumber()) {
            return e.decimalValue().compareTo(a.decimalValue()) == 0 ? null : at + ": " + e + " != " + a;
        }
        if (e.getNodeType() != a.getNodeType()) {
            return at + ": " + e + " != " + a;
        }
        if (e.isArray()) {
            if (e.size() != a.size()) {
                return at + ": array sizes " + e.size() + " != " + a.size();
            }
            for (int i = 0; i < e.size(); i++) {
                String d = difference(at + "/" + i, e.get(i), a.get(i), order);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e.isObject()) {
            List<String> ek = names(e);
            List<String> ak = names(a);
            if (!new java.util.HashSet<>(ek).equals(new java.util.HashSet<>(ak))) {
                return at + ": keys " + ek + " != " + ak;
            }
            if (order && !ek.equals(ak)) {
                return at + ": key order " + ek + " != " + ak;
            }
            for (String k : ek) {
                String d = difference(at + "/" + k, e.get(k), a.get(k), order);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return e.equals(a) ? null : at + ": " + e + " != " + a;
    }

    private static List<String> names(JsonNode o) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = o.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
