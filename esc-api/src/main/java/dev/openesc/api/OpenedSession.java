package dev.openesc.api;

import dev.openesc.core.syntax.Diagnostic;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An opened environment, readable by its id until it expires ({@code POST .../open} answers the id).
 *
 * @param diagnostics warnings of the evaluation (errors fail the open instead)
 */
public record OpenedSession(String id, Instant expires, List<Diagnostic> diagnostics) {

    public OpenedSession {
        Objects.requireNonNull(id, "id");
        diagnostics = List.copyOf(diagnostics);
    }
}
