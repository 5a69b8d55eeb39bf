package dev.openesc.core.eval;

import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.value.Environment;

/** An evaluated environment (null when there was nothing to evaluate) and the diagnostics found. */
public record EvalResult(Environment environment, Diagnostics diagnostics) {}
