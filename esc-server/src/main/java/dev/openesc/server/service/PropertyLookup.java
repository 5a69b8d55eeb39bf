package dev.openesc.server.service;

import dev.openesc.api.EscException;
import dev.openesc.core.syntax.encoding.PropertyPath;
import dev.openesc.core.syntax.encoding.YamlEditException;
import dev.openesc.core.value.Environment;
import dev.openesc.core.value.Value;
import java.util.List;
import java.util.Map;

/** Finds one value of an opened environment by a property path such as {@code a.b[0]} or {@code x["k:y"]}. */
final class PropertyLookup {

    private PropertyLookup() {
    }

    static Value find(Environment environment, String property) {
        if (property == null || property.isEmpty()) {
            throw new EscException.InvalidRequest("missing property path");
        }
        List<Object> accessors;
        try {
            accessors = PropertyPath.parse(property).accessors();
        } catch (YamlEditException e) {
            throw new EscException.InvalidRequest("invalid property path: " + e.getMessage());
        }
        Map<String, Value> top = environment.properties() == null ? Map.of() : environment.properties();
        Value current = null;
        for (Object accessor : accessors) {
            Value next = null;
            if (current == null) {
                next = accessor instanceof String key ? top.get(key) : null;
            } else if (accessor instanceof String key && current.asMap() != null) {
                next = current.asMap().get(key);
            } else if (accessor instanceof Integer index && current.asList() != null
                    && index >= 0 && index < current.asList().size()) {
                next = current.asList().get(index);
            }
            if (next == null) {
                throw new EscException.NotFound("property " + property + " not found");
            }
            current = next;
        }
        if (current == null) {
            throw new EscException.NotFound("property " + property + " not found");
        }
        return current;
    }
}
