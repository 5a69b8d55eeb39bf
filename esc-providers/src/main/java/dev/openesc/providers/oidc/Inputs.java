package dev.openesc.providers.oidc;

import dev.openesc.api.Durations;
import dev.openesc.api.EscException;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of one {@code fn::open} (or one object inside them), read by name. The evaluator has already checked
 * them against the provider's input schema, so a wrong type here is a schema that allows too much: it is still
 * reported as a diagnostic naming the input, never as a crash.
 *
 * @param path   where these inputs sit, for messages ({@code oidc} inside {@code gcp-login}); empty at the top
 * @param values the inputs
 */
public record Inputs(String path, Map<String, Value> values) {

    public static Inputs of(Map<String, Value> values) {
        return new Inputs("", values);
    }

    /** A required string. */
    public String string(String name) throws ProviderException {
        return optionalString(name).orElseThrow(() -> new ProviderException("missing required input " + shown(name)));
    }

    public Optional<String> optionalString(String name) throws ProviderException {
        Value value = values.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.value() instanceof String text) {
            return Optional.of(text);
        }
        throw new ProviderException(shown(name) + " must be a string");
    }

    /** A string or a number, as written ({@code project: 123456789} or {@code project: "123456789"}). */
    public String text(String name) throws ProviderException {
        Value value = values.get(name);
        if (value != null && value.value() instanceof JsonNumber number) {
            return number.text();
        }
        return string(name);
    }

    public boolean bool(String name, boolean absent) throws ProviderException {
        Value value = values.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (value.value() instanceof Boolean flag) {
            return flag;
        }
        throw new ProviderException(shown(name) + " must be a boolean");
    }

    public List<String> strings(String name) throws ProviderException {
        Value value = values.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!(value.value() instanceof List<?>)) {
            throw new ProviderException(shown(name) + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Value item : value.asList()) {
            if (!(item.value() instanceof String text)) {
                throw new ProviderException(shown(name) + " must be a list of strings");
            }
            out.add(text);
        }
        return out;
    }

    /** A nested object, for its own inputs. */
    public Optional<Inputs> object(String name) throws ProviderException {
        Value value = values.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!(value.value() instanceof Map<?, ?>)) {
            throw new ProviderException(shown(name) + " must be an object");
        }
        return Optional.of(new Inputs(qualified(name), value.asMap()));
    }

    /** A nested object of string values ({@code metadata}). */
    public Map<String, String> stringMap(String name) throws ProviderException {
        Optional<Inputs> object = object(name);
        if (object.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new java.util.TreeMap<>();
        for (String key : object.get().values().keySet()) {
            out.put(key, object.get().string(key));
        }
        return out;
    }

    /** A duration in Go's notation ({@code 1h}, {@code 15m}, {@code 3600s}), checked against bounds. */
    public Optional<Duration> duration(String name, Duration min, Duration max) throws ProviderException {
        Optional<String> text = optionalString(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Duration parsed;
        try {
            parsed = Durations.parse(text.get());
        } catch (EscException e) {
            throw new ProviderException(shown(name) + ": " + e.getMessage());
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw new ProviderException(shown(name) + " must be between " + Durations.format(min) + " and "
                    + Durations.format(max));
        }
        return Optional.of(parsed);
    }

    private String qualified(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private String shown(String name) {
        return "\"" + qualified(name) + "\"";
    }
}
