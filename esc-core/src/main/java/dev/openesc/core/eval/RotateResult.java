package dev.openesc.core.eval;

import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.value.Environment;
import java.util.List;

/** The result of a rotation: the evaluated environment, the state patches to write back, and diagnostics. */
public record RotateResult(Environment environment, List<Patch> patches, Diagnostics diagnostics) {}
