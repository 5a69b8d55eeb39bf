package dev.openesc.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One revision of an environment's YAML definition, with its revision number and entity tag (what the
 * REST layer sends as {@code Pulumi-ESC-Revision} and {@code ETag}). An empty definition has zero bytes.
 * Depending on the operation, secrets are ciphertext ({@code get}) or plaintext ({@code decrypt}).
 */
public record EnvironmentDefinition(EnvironmentRef environment, long revision, String etag, byte[] yaml) {

    public EnvironmentDefinition {
        Objects.requireNonNull(yaml, "yaml");
        yaml = yaml.clone();
    }

    @Override
    public byte[] yaml() {
        return yaml.clone();
    }

    public String text() {
        return new String(yaml, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // the definition may hold plaintext secrets (decrypt): never in a log line
        return "EnvironmentDefinition[" + environment + "@" + revision + ", " + yaml.length + " bytes]";
    }
}
