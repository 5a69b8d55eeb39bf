package dev.openesc.core.syntax.encoding;

/**
 * Which presentation styles a scalar's text allows, following the rules of the reference's YAML emitter: indicator
 * characters, leading or trailing spaces, line breaks and non-printable characters each rule out some styles.
 */
record ScalarAnalysis(boolean multiline, boolean flowPlainAllowed, boolean blockPlainAllowed,
        boolean singleQuotedAllowed, boolean blockAllowed) {

    static ScalarAnalysis of(String value) {
        if (value.isEmpty()) {
            return new ScalarAnalysis(false, false, true, true, false);
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;

        if (value.startsWith("---") || value.startsWith("...")) {
            blockIndicators = true;
            flowIndicators = true;
        }
        int[] cps = value.codePoints().toArray();
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = cps.length < 2 || isBlank(cps[1]);
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (i == 0) {
                switch (c) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                        flowIndicators = true;
                        blockIndicators = true;
                    }
                    case '?', ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '-' -> {
                        if (followedByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> { }
                }
            } else {
                switch (c) {
                    case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
                    case ':' -> {
                        flowIndicators = true;
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '#' -> {
                        if (precededByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> { }
                }
            }
            if (!isPrintable(c)) {
                specialCharacters = true;
            }
            if (c == ' ') {
                if (i == 0) {
                    leadingSpace = true;
                }
                if (i == cps.length - 1) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                lineBreaks = true;
                if (i == 0) {
                    leadingBreak = true;
                }
                if (i == cps.length - 1) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlank(c);
            if (i + 1 < cps.length) {
                followedByWhitespace = i + 2 >= cps.length || isBlank(cps[i + 2]);
            }
        }
        boolean flowPlain = true;
        boolean blockPlain = true;
        boolean singleQuoted = true;
        boolean block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            flowPlain = false;
            blockPlain = false;
        }
        if (trailingSpace) {
            block = false;
        }
        if (breakSpace) {
            flowPlain = false;
            blockPlain = false;
            singleQuoted = false;
        }
        if (spaceBreak || specialCharacters) {
            flowPlain = false;
            blockPlain = false;
            singleQuoted = false;
            block = false;
        }
        if (lineBreaks) {
            flowPlain = false;
            blockPlain = false;
        }
        if (flowIndicators) {
            flowPlain = false;
        }
        if (blockIndicators) {
            blockPlain = false;
        }
        return new ScalarAnalysis(lineBreaks, flowPlain, blockPlain, singleQuoted, block);
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || isBreak(c) || c == 0;
    }

    /** Characters the emitter writes as they are; everything else needs an escape in double quotes. */
    static boolean isPrintable(int c) {
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }
}
