package dev.openesc.core.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON text as the reference's encoder writes it (sorted keys, HTML-safe escapes) and number-preserving parsing. */
final class GoJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private GoJson() {}

    /** Parses one JSON document into a value, keeping number text. */
    static Value parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("EOF");
            }
            return read(p, t);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException(ex.getOriginalMessage());
        } catch (IOException ex) {
            throw new IllegalArgumentException(ex.getMessage());
        }
    }

    private static Value read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_NULL:
                return Value.ofNull();
            case VALUE_TRUE:
                return Value.ofBoolean(true);
            case VALUE_FALSE:
                return Value.ofBoolean(false);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return Value.of(JsonNumber.of(p.getText()));
            case VALUE_STRING:
                return Value.ofString(p.getText());
            case START_ARRAY: {
                List<Value> out = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    out.add(read(p, n));
                }
                return Value.ofList(out);
            }
            case START_OBJECT: {
                TreeMap<String, Value> out = new TreeMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    out.put(k, read(p, p.nextToken()));
                }
                return Value.ofMap(out);
            }
            default:
                throw new IllegalArgumentException("unexpected token " + t);
        }
    }
}
