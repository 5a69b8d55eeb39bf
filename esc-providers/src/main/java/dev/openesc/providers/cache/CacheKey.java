package dev.openesc.providers.cache;

import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.value.Value;
import dev.openesc.providers.LoginContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which credentials a cached entry holds: the provider, its exact inputs and who asked (the token's subject and
 * audience follow from these). The inputs are kept as a digest, so that keys written in an environment never sit
 * in the cache's index.
 *
 * @param inputsDigest SHA-256 of the inputs in a canonical form: maps by sorted key, every item tagged with its
 *                     type and length, secrets in plain text
 */
public record CacheKey(String provider, String inputsDigest, LoginContext login) {

    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static CacheKey of(String provider, Map<String, Value> inputs, LoginContext login) {
        // Written straight into one buffer and hashed once, not through JSON text: this runs on every cached open.
        StringBuilder canonical = new StringBuilder(256);
        appendMap(canonical, inputs);
        MessageDigest digest = fresh();
        return new CacheKey(provider,
                HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8))), login);
    }

    private static MessageDigest fresh() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's SHA-256 cannot be cloned", e);
        }
    }

    /** Each item as a type tag, a length where it has one, and its text: no two inputs write the same. */
    private static void append(StringBuilder out, Value value) {
        Object payload = value.value();
        if (payload == null) {
            out.append('z');
        } else if (payload instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (payload instanceof JsonNumber number) {
            appendText(out, 'n', number.text());
        } else if (payload instanceof String text) {
            appendText(out, 's', text);
        } else if (payload instanceof List<?>) {
            List<Value> items = value.asList();
            out.append('l').append(items.size()).append(':');
            items.forEach(item -> append(out, item));
        } else {
            appendMap(out, value.asMap());
        }
    }

    private static void appendMap(StringBuilder out, Map<String, Value> map) {
        Map<String, Value> sorted = map instanceof SortedMap<?, ?> ? map : new TreeMap<>(map);
        out.append('m').append(sorted.size()).append(':');
        sorted.forEach((key, value) -> {
            appendText(out, 'k', key);
            append(out, value);
        });
    }

    private static void appendText(StringBuilder out, char tag, String text) {
        out.append(tag).append(text.length()).append(':').append(text);
    }
}
