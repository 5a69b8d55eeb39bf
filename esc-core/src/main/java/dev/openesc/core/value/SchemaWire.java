package dev.openesc.core.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.schema.Schema;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes schemas inside wire JSON, in the schema package's own JSON form. The tree is walked here rather than
 * handed to {@code writeTree}, which needs an ObjectMapper behind the generator (500 classes at start-up).
 */
final class SchemaWire {
    private SchemaWire() {}

    static void write(JsonGenerator g, Schema s) throws IOException {
        writeNode(g, s.toJson());
    }

    private static void writeNode(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    writeNode(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : n) {
                    writeNode(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NUMBER -> {
                if (n.isIntegralNumber()) {
                    g.writeNumber(n.bigIntegerValue());
                } else if (n.isBigDecimal()) {
                    g.writeNumber(n.decimalValue());
                } else {
                    g.writeNumber(n.doubleValue());
                }
            }
            case NULL, MISSING -> g.writeNull();
            default -> throw new IOException("a schema holds a " + n.getNodeType() + " node");
        }
    }
}
