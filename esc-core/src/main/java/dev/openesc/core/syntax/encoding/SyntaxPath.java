package dev.openesc.core.syntax.encoding;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A document path stored as a link to its parent plus one accessor, rendered to text ({@code values.foo[0]})
 * only when asked. Storing full path strings on every node would cost memory proportional to nodes times depth,
 * which a hostile document can make enormous.
 */
public final class SyntaxPath {
    public static final SyntaxPath ROOT = new SyntaxPath(null, null, -1);

    private final SyntaxPath parent;
    private final String key;
    private final int index;

    private SyntaxPath(SyntaxPath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public SyntaxPath key(String key) {
        return new SyntaxPath(this, key, -1);
    }

    public SyntaxPath index(int index) {
        return new SyntaxPath(this, null, index);
    }

    @Override
    public String toString() {
        Deque<SyntaxPath> chain = new ArrayDeque<>();
        for (SyntaxPath p = this; p != null && p.parent != null; p = p.parent) {
            chain.push(p);
        }
        String s = "";
        for (SyntaxPath p : chain) {
            s = p.key != null ? PathText.joinKey(s, p.key) : s + "[" + p.index + "]";
        }
        return s;
    }
}
