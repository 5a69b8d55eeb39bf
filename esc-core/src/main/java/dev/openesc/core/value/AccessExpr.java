package dev.openesc.core.value;

import java.util.List;

/** A late-bound property access on the wire: the receiver's range and the accessors applied to it. */
public record AccessExpr(Range receiver, List<Accessor> accessors) {}
