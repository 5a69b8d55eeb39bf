package dev.openesc.api;

import dev.openesc.core.syntax.Diagnostic;
import java.util.List;

/**
 * The revision an update created, and the warnings the definition produced (errors fail the update
 * with {@link EscException.EvaluationFailed} instead).
 */
public record UpdateResult(EnvironmentRef environment, long revision, String etag, List<Diagnostic> warnings) {

    public UpdateResult {
        warnings = List.copyOf(warnings);
    }
}
