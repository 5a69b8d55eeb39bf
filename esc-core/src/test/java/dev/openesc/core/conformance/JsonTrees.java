package dev.openesc.core.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON reading and rendering for the harness. Numbers are read as exact decimals (never doubles), so {@code 3.0},
 * {@code 3} and {@code 3.00} all reach the comparison as the same decimal value and {@code 0.1} stays 0.1. Duplicate
 * object members are an error rather than silently collapsed.
 */
final class JsonTrees {
    /** Longest rendering of one value inside a failure message. */
    static final int SNIPPET_LIMIT = 240;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A duplicated member would otherwise hide all but its last value from the comparison.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTrees() {}

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON " + file, e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The canonical value of a JSON number: trailing zeros stripped, so that numerically equal texts are
     * {@link BigDecimal#equals equal} ({@code 1.50} and {@code 1.5}; {@code 3.0} and {@code 3}).
     */
    static BigDecimal canonicalNumber(JsonNode number) {
        if (!number.isNumber()) {
            throw new IllegalArgumentException("not a number: " + number);
        }
        BigDecimal value = number.isIntegralNumber() ? new BigDecimal(number.bigIntegerValue()) : number.decimalValue();
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** The canonical text of a JSON number, plain unless the exponent is large ({@code 1.5}, {@code 3}, {@code 1E+40}). */
    static String numberText(JsonNode number) {
        BigDecimal canonical = canonicalNumber(number);
        int exponent = canonical.precision() - canonical.scale() - 1;
        return Math.abs(exponent) < 30 ? canonical.toPlainString() : canonical.toString();
    }

    /** Compact JSON of a node (numbers canonical), cut to {@link #SNIPPET_LIMIT} characters; "<absent>" for null. */
    static String snippet(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "<absent>";
        }
        String text = compact(node);
        if (text.length() <= SNIPPET_LIMIT) {
            return text;
        }
        return text.substring(0, SNIPPET_LIMIT) + "... (" + text.length() + " chars)";
    }

    /** Compact JSON text with canonical numbers. */
    static String compact(JsonNode node) {
        StringBuilder out = new StringBuilder();
        writeCompact(node, out);
        return out.toString();
    }

    private static void writeCompact(JsonNode node, StringBuilder out) {
        if (node.isNumber()) {
            out.append(numberText(node));
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeCompact(node.get(i), out);
            }
            out.append(']');
        } else if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (var it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(quote(field.getKey())).append(':');
                writeCompact(field.getValue(), out);
            }
            out.append('}');
        } else {
            out.append(node.toString());
        }
    }

    /** A string as a JSON string literal. */
    static String quote(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }
}
