package dev.openesc.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The schemas of the reference harness's test providers and rotators, as fixed by the corpus: the one fixture for
 * them, read from the resource {@code dev/openesc/core/schema/test-providers.json}
 * ({@code providers.<name>.inputs|outputs}, {@code rotators.<name>.inputs|state|outputs}) by schema tests and by the
 * conformance harness's providers alike.
 */
public final class TestSchemas {
    private static final String RESOURCE = "/dev/openesc/core/schema/test-providers.json";
    private static final JsonNode FIXTURE = read();

    private TestSchemas() {}

    private static JsonNode read() {
        try (InputStream in = TestSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return JsonTrees.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider's schema: {@code part} is "inputs" or "outputs". */
    public static Schema provider(String name, String part) {
        return Schema.parse(JsonTrees.write(FIXTURE.path("providers").path(name).path(part)));
    }

    /** A rotator's schema: {@code part} is "inputs", "state" or "outputs". */
    public static Schema rotator(String name, String part) {
        return Schema.parse(JsonTrees.write(FIXTURE.path("rotators").path(name).path(part)));
    }

    /** The input (and output) schema of the {@code schema} test provider. */
    public static Schema schemaProviderInputs() {
        return provider("schema", "inputs");
    }
}
