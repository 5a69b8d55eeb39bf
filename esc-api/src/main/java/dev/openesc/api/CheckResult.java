package dev.openesc.api;

import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.Environment;
import java.util.List;

/**
 * A definition checked without opening providers: the evaluated environment (null for an empty
 * definition) and its warnings. Secrets are shown only when asked for and permitted.
 */
public record CheckResult(Environment environment, List<Diagnostic> diagnostics) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
