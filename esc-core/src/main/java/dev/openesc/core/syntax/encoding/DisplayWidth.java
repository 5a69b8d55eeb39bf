package dev.openesc.core.syntax.encoding;

/**
 * An approximation of terminal display width and grapheme clusters, enough to reproduce the reference's byte
 * offsets on lines with non-ASCII text: East Asian wide and fullwidth characters and most emoji count 2, combining
 * marks, joiners and variation selectors join the preceding character and count 0.
 */
final class DisplayWidth {
    private DisplayWidth() {}

    /** The index just past the grapheme cluster that starts at {@code start}. */
    static int clusterEnd(String s, int start) {
        int i = start + Character.charCount(s.codePointAt(start));
        boolean regionalPair = isRegionalIndicator(s.codePointAt(start));
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isExtending(cp)) {
                i += Character.charCount(cp);
            } else if (cp == 0x200D && i + 1 < s.length()) {
                i += 1;
                i += Character.charCount(s.codePointAt(i));
            } else if (regionalPair && isRegionalIndicator(cp)) {
                i += Character.charCount(cp);
                regionalPair = false;
            } else {
                break;
            }
        }
        return i;
    }

    /** Like {@link #clusterEnd(String, int)} over UTF-8 bytes {@code [start, limit)}; returns a byte index. */
    static int clusterEnd(byte[] utf8, int start, int limit) {
        int first = codePointAt(utf8, start, limit);
        int i = start + utf8Length(utf8[start]);
        boolean regionalPair = isRegionalIndicator(first);
        while (i < limit) {
            int cp = codePointAt(utf8, i, limit);
            if (isExtending(cp)) {
                i += utf8Length(utf8[i]);
            } else if (cp == 0x200D && i + 3 < limit) {
                i += 3;
                i += utf8Length(utf8[i]);
            } else if (regionalPair && isRegionalIndicator(cp)) {
                i += utf8Length(utf8[i]);
                regionalPair = false;
            } else {
                break;
            }
        }
        return Math.min(i, limit);
    }

    /** Display width of the cluster in UTF-8 bytes {@code [start, end)}. */
    static int clusterWidth(byte[] utf8, int start, int end) {
        int first = codePointAt(utf8, start, end);
        for (int i = start; i < end; i += utf8Length(utf8[i])) {
            if (codePointAt(utf8, i, end) == 0xFE0F) {
                return 2;
            }
        }
        return isRegionalIndicator(first) ? 2 : width(first);
    }

    private static int utf8Length(byte lead) {
        int b = lead & 0xFF;
        return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }

    private static int codePointAt(byte[] utf8, int i, int limit) {
        int b = utf8[i] & 0xFF;
        int len = utf8Length(utf8[i]);
        if (len == 1 || i + len > limit) {
            return b;
        }
        int cp = b & (0xFF >> (len + 1));
        for (int k = 1; k < len; k++) {
            cp = (cp << 6) | (utf8[i + k] & 0x3F);
        }
        return cp;
    }

    static int clusterWidth(String cluster) {
        int first = cluster.codePointAt(0);
        if (cluster.indexOf('\uFE0F') >= 0 || isRegionalIndicator(first)) {
            return 2;
        }
        return width(first);
    }

    static int width(int cp) {
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            return 0;
        }
        if (isExtending(cp) || cp == 0x200B || cp == 0x200C || cp == 0x200D) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    private static boolean isExtending(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x231A && cp <= 0x231B) || (cp >= 0x2329 && cp <= 0x232A)
                || (cp >= 0x23E9 && cp <= 0x23EC) || (cp >= 0x25FD && cp <= 0x25FE) || (cp >= 0x2614 && cp <= 0x2615)
                || (cp >= 0x2648 && cp <= 0x2653) || (cp >= 0x26AA && cp <= 0x26AB) || (cp >= 0x26BD && cp <= 0x26BE)
                || (cp >= 0x26C4 && cp <= 0x26C5) || cp == 0x26A1 || cp == 0x26CE || cp == 0x26D4 || cp == 0x26EA
                || (cp >= 0x26F2 && cp <= 0x26F3) || cp == 0x26F5 || cp == 0x26FA || cp == 0x26FD || cp == 0x2705
                || (cp >= 0x270A && cp <= 0x270B) || cp == 0x2728 || cp == 0x274C || cp == 0x274E
                || (cp >= 0x2753 && cp <= 0x2755) || cp == 0x2757 || (cp >= 0x2795 && cp <= 0x2797) || cp == 0x27B0
                || cp == 0x27BF || (cp >= 0x2B1B && cp <= 0x2B1C) || cp == 0x2B50 || cp == 0x2B55
                || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xA960 && cp <= 0xA97F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19)
                || (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x16FE0 && cp <= 0x18AFF) || (cp >= 0x1B000 && cp <= 0x1B2FF)
                || (cp >= 0x1F004 && cp <= 0x1F004) || cp == 0x1F0CF || cp == 0x1F18E
                || (cp >= 0x1F191 && cp <= 0x1F19A) || (cp >= 0x1F200 && cp <= 0x1F251)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F680 && cp <= 0x1F6FF)
                || (cp >= 0x1F7E0 && cp <= 0x1F7EB) || (cp >= 0x1F90C && cp <= 0x1F9FF)
                || (cp >= 0x1FA70 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
