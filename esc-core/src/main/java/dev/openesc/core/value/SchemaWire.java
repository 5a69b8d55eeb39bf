package dev.openesc.core.value;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.openesc.core.schema.Schema;
import java.io.IOException;

/** Writes schemas inside wire JSON, in the schema package's own JSON form. */
final class SchemaWire {
    private SchemaWire() {}

    static void write(JsonGenerator g, Schema s) throws IOException {
        g.writeTree(s.toJson());
    }
}
