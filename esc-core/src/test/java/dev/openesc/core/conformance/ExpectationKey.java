package dev.openesc.core.conformance;

import java.util.Arrays;
import java.util.Optional;

/**
 * The keys an evaluator case's expected.json may hold. The reference writes each with Go's {@code omitempty}, so an
 * absent key is itself an expectation: no diagnostics, no patches, or no environment at all (a null result).
 */
enum ExpectationKey {
    LOAD_DIAGS("loadDiags", Phase.LOAD, Kind.DIAGNOSTICS),
    CHECK("check", Phase.CHECK, Kind.ENVIRONMENT),
    CHECK_JSON("checkJson", Phase.CHECK, Kind.REDACTED_JSON),
    CHECK_DIAGS("checkDiags", Phase.CHECK, Kind.DIAGNOSTICS),
    EVAL("eval", Phase.EVAL, Kind.ENVIRONMENT),
    EVAL_JSON_REDACTED("evalJsonRedacted", Phase.EVAL, Kind.REDACTED_JSON),
    EVAL_JSON_REVEALED("evalJSONRevealed", Phase.EVAL, Kind.REVEALED_JSON),
    EVAL_DIAGS("evalDiags", Phase.EVAL, Kind.DIAGNOSTICS),
    ROTATE("rotate", Phase.ROTATE, Kind.ENVIRONMENT),
    ROTATE_JSON("rotateJson", Phase.ROTATE, Kind.REDACTED_JSON),
    ROTATE_PATCHES("rotatePatches", Phase.ROTATE, Kind.PATCHES),
    ROTATE_DIAGS("rotateDiags", Phase.ROTATE, Kind.DIAGNOSTICS);

    /** Which entry point produces the value. */
    enum Phase { LOAD, CHECK, EVAL, ROTATE }

    /** What the value is, which decides how it compares and what its absence means. */
    enum Kind {
        /** The evaluated environment in the REST API's wire shape; absent means a null environment. */
        ENVIRONMENT,
        /** Plain JSON of the properties, secrets as "[secret]"; absent means a null environment. */
        REDACTED_JSON,
        /** Plain JSON of the properties, secrets in clear; absent means a null environment. */
        REVEALED_JSON,
        /** Diagnostics in the reference's shape; absent means none. */
        DIAGNOSTICS,
        /** Rotation patches {DocPath, Replacement}; absent means none. */
        PATCHES
    }

    private final String jsonName;
    private final Phase phase;
    private final Kind kind;

    ExpectationKey(String jsonName, Phase phase, Kind kind) {
        this.jsonName = jsonName;
        this.phase = phase;
        this.kind = kind;
    }

    String jsonName() {
        return jsonName;
    }

    Phase phase() {
        return phase;
    }

    Kind kind() {
        return kind;
    }

    static Optional<ExpectationKey> byJsonName(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }
}
