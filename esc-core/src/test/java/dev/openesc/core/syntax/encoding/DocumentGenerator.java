package dev.openesc.core.syntax.encoding;

import java.util.Random;

/**
 * Random block YAML documents for {@link BlockYamlScannerTest}: mappings and sequences nested by random
 * indentation (sequences also at their key's column, mappings and sequences opened on a "- " line), scalars of
 * every type, plain and quoted, keys that need quotes, empty values, one-line flow collections as values (nested,
 * empty, with keys without values, trailing commas, JSON-like keys, random spaces around the indicators, scalars
 * that end or break a flow scalar), comments and blank lines at random columns, and now and then something outside
 * the scanner's subset (a flow collection over two lines, a block scalar, an anchor, a tag).
 */
final class DocumentGenerator {
    private static final String[] PLAIN = {
        "a", "word", "two words", "a  b", "true", "True", "false", "yes", "no", "on", "off", "null", "Null", "~", "0",
        "1", "-1", "+2", "007", "017", "0x1F", "0o17", "0b101", "1_000", "1.5", ".5", "-.5", "1e3", "1E-3", "1.",
        ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43",
        "<<", "a:b", "http://x:80/y?q#f", "a#b", "a,b", "a[b]", "a{b}", "${x}", "item-1-${link2}", "$${a}", "-x", "?x",
        ":x", "--x", "a'b", "a\"b", "a \"b\"", "日本語", "héllo", "😀", "x😀y", "a\\b", "12:30", "1:20:30", "a:", "a:-",
    };
    private static final String[] QUOTED = {
        "''", "'a'", "'it''s'", "'a: b'", "'#x'", "' lead'", "'trail '", "'\"'", "'\\'", "'日本'", "\"\"", "\"a\"",
        "\"a: b # c\"", "\"'\"", "\" x \"", "\"😀\"",
    };
    /** Scalars that are invalid, or valid but outside the scanner's subset, where they stand. */
    private static final String[] RISKY = {
        "---", "...", "a: b", "a #b", "- x", "@x", "`x", "%x", "&x", "*x", "!x", "|", ">", "[x]", "{x}", "\"\\t\"",
        "\"\\\"\"", "\"\\u00e9\"", "'a", "\"a", "a\tb",
    };
    /** Scalars that read otherwise, or not at all, inside a flow collection. */
    private static final String[] FLOW_RISKY = {
        "a:b", "a: b", "a :b", "a:", ":x", ":", "-", "- a", "?", "? a", "?x", "-x", "a #b", "#c", "a#b", "${x}", "a,b",
        "a]", "a}", "[", "{", "\"x\"y", "'x'y", "\"a\":b", "a\n  b", "&x a", "*x", "!t a", "http://x", "a::b", "a:,",
    };
    private static final String[] OUTSIDE = {
        "[1, 2]", "{a: 1}", "&anchor x", "*alias", "!!str 1", "!custom x", "|\n  text", ">-\n  folded",
        "'two\n  lines'",
    };

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private int lines;
    private int flows;

    DocumentGenerator(Random random) {
        this.random = random;
    }

    String document() {
        if (random.nextInt(10) == 0) {
            out.append("---").append(random.nextBoolean() ? " # start\n" : "\n");
        }
        int indent = random.nextInt(8) == 0 ? random.nextInt(3) : 0;
        if (random.nextInt(4) == 0) {
            sequence(indent, 0);
        } else {
            mapping(indent, 0, false);
        }
        if (random.nextBoolean() && out.length() > 0) {
            out.setLength(out.length() - 1); // no final line break
        }
        return out.toString();
    }

    /** How many flow collections the document holds, nested ones included. */
    int flowCollections() {
        return flows;
    }

    /** A mapping at {@code indent}; the first key already placed on the line when {@code inline}. */
    private void mapping(int indent, int depth, boolean inline) {
        int entries = 1 + random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < entries && lines < 60; i++) {
            if (!(inline && i == 0)) {
                trivia(indent);
                out.append(" ".repeat(indent));
            }
            out.append(key()).append(random.nextInt(8) == 0 ? " :" : ":");
            value(indent, depth);
        }
    }

    private void sequence(int indent, int depth) {
        int entries = 1 + random.nextInt(4);
        for (int i = 0; i < entries && lines < 60; i++) {
            trivia(indent);
            out.append(" ".repeat(indent));
            entry(indent, depth);
        }
    }

    /** After a "-" at {@code indent}. */
    private void entry(int indent, int depth) {
        out.append('-');
        int choice = depth > 5 ? 0 : random.nextInt(10);
        if (choice < 5) {
            out.append(' ').append(scalar());
            lineEnd();
        } else if (choice < 7) {
            int gap = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
            out.append(" ".repeat(gap));
            mapping(indent + 1 + gap, depth + 1, true);
        } else if (choice == 7) {
            out.append(' ');
            entry(indent + 2, depth + 1);
        } else if (choice == 8 && random.nextBoolean()) {
            out.append(' ').append(flow(2));
            lineEnd();
        } else {
            lineEnd();
            if (random.nextBoolean()) {
                mapping(indent + 1 + random.nextInt(3), depth + 1, false);
            } else {
                sequence(indent + 1 + random.nextInt(3), depth + 1);
            }
        }
    }

    /** After a key's ":" of a mapping at {@code indent}. */
    private void value(int indent, int depth) {
        int choice = depth > 5 ? 0 : random.nextInt(14);
        if (choice < 6) {
            out.append(" ".repeat(1 + (random.nextInt(6) == 0 ? 2 : 0))).append(scalar());
            lineEnd();
        } else if (choice >= 12) {
            out.append(" ".repeat(1 + (random.nextInt(6) == 0 ? 2 : 0))).append(flow(random.nextInt(3)));
            lineEnd();
        } else if (choice == 6) {
            lineEnd(); // an empty value
        } else if (choice < 9) {
            lineEnd();
            mapping(indent + 1 + random.nextInt(4), depth + 1, false);
        } else {
            lineEnd();
            sequence(random.nextBoolean() ? indent : indent + 1 + random.nextInt(3), depth + 1);
        }
    }

    private void lineEnd() {
        switch (random.nextInt(8)) {
            case 0 -> out.append(" # comment");
            case 1 -> out.append("   ");
            case 2 -> out.append(" #");
            default -> {
                // nothing more on the line
            }
        }
        out.append('\n');
        lines++;
    }

    /** Blank and comment lines, at random columns, before a line at {@code indent}. */
    private void trivia(int indent) {
        int n = random.nextInt(10);
        if (n == 0) {
            out.append('\n');
        } else if (n == 1) {
            out.append(" ".repeat(random.nextInt(indent + 3))).append("# note: - x\n");
        } else if (n == 2) {
            out.append("  \n");
        }
    }

    /** A one-line flow collection, its own collections at most {@code depth} more levels deep. */
    private String flow(int depth) {
        StringBuilder b = new StringBuilder();
        flow(b, depth);
        return b.toString();
    }

    private void flow(StringBuilder b, int depth) {
        flows++;
        boolean mapping = random.nextBoolean();
        b.append(mapping ? '{' : '[').append(spaces());
        int entries = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            if (i > 0) {
                b.append(spaces()).append(',').append(spaces());
            }
            if (mapping) {
                b.append(random.nextInt(30) == 0 ? flowNode(depth) : flowScalar()).append(spaces());
                int form = random.nextInt(10);
                if (form == 1) {
                    b.append(':'); // a key without a value after its colon
                } else if (form > 1) {
                    b.append(random.nextInt(5) == 0 ? ":" : ": ").append(spaces()).append(flowNode(depth));
                } // form 0: a key alone, its value empty
            } else {
                b.append(flowNode(depth));
            }
        }
        if (entries > 0 && random.nextInt(6) == 0) {
            b.append(spaces()).append(',');
        }
        b.append(spaces()).append(mapping ? '}' : ']');
    }

    private String flowNode(int depth) {
        return depth > 0 && random.nextInt(4) == 0 ? flow(depth - 1) : flowScalar();
    }

    private String flowScalar() {
        int n = random.nextInt(30);
        if (n == 0) {
            return FLOW_RISKY[random.nextInt(FLOW_RISKY.length)];
        }
        if (n == 1) {
            return scalar();
        }
        if (n < 8) {
            return QUOTED[random.nextInt(QUOTED.length)];
        }
        if (n < 12) {
            return PLAIN[random.nextInt(PLAIN.length)];
        }
        return random.nextBoolean() ? "v" + random.nextInt(20) : "k" + random.nextInt(50);
    }

    private String spaces() {
        int n = random.nextInt(6);
        return n < 3 ? "" : n < 5 ? " " : "  ";
    }

    private String key() {
        if (random.nextInt(60) == 0) {
            return RISKY[random.nextInt(RISKY.length)];
        }
        int n = random.nextInt(20);
        if (n < 13) {
            return "k" + random.nextInt(50);
        }
        if (n < 17) {
            return QUOTED[random.nextInt(QUOTED.length)];
        }
        return PLAIN[random.nextInt(PLAIN.length)];
    }

    private String scalar() {
        int n = random.nextInt(40);
        if (n == 0) {
            return random.nextBoolean() ? OUTSIDE[random.nextInt(OUTSIDE.length)] : RISKY[random.nextInt(RISKY.length)];
        }
        if (n < 10) {
            return QUOTED[random.nextInt(QUOTED.length)];
        }
        return PLAIN[random.nextInt(PLAIN.length)];
    }
}
