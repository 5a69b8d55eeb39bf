package dev.openesc.core.eval;

import dev.openesc.core.value.Value;

/**
 * New rotation state to write back into the environment definition: the document path of the {@code state} of a
 * {@code fn::rotate} call (e.g. {@code values.creds["fn::rotate::swap"].state}) and its replacement.
 */
public record Patch(String docPath, Value replacement) {}
