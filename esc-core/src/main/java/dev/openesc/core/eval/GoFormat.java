package dev.openesc.core.eval;

import dev.openesc.core.value.GoQuote;

/** Small formatting helpers matching the reference's message texts. */
final class GoFormat {
    private GoFormat() {}

    /** A string quoted like Go's {@code %q}. */
    static String quote(String s) {
        return GoQuote.quote(s);
    }
}
