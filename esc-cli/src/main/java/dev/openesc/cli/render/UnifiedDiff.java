package dev.openesc.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Line diffs in unified format, three lines of context, as {@code diff -u} and the reference print them: within a
 * change, removed lines come before added ones; a side that does not end with a newline gets
 * {@code \ No newline at end of file} after its last line.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** Beyond this many cells the diff falls back to replacing everything: still correct, only coarser. */
    private static final long MAX_CELLS = 25_000_000L;

    private UnifiedDiff() {}

    private record Edit(char op, int oldLine, int newLine) {}

    /** The diff of {@code before} and {@code after}, empty when they are equal. */
    public static String diff(String fromName, String before, String toName, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(fromName).append('\n').append("+++ ").append(toName).append('\n');
        boolean aOpen = !before.isEmpty() && !before.endsWith("\n");
        boolean bOpen = !after.isEmpty() && !after.endsWith("\n");
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < edits.size()) {
                if (edits.get(end).op != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            hunk(out, edits.subList(start, end), a, b, aOpen, bOpen);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> hunk, List<String> a, List<String> b, boolean aOpen,
            boolean bOpen) {
        int fromStart = -1;
        int toStart = -1;
        int fromCount = 0;
        int toCount = 0;
        for (Edit e : hunk) {
            if (e.op != '+') {
                fromStart = fromStart < 0 ? e.oldLine : fromStart;
                fromCount++;
            }
            if (e.op != '-') {
                toStart = toStart < 0 ? e.newLine : toStart;
                toCount++;
            }
        }
        out.append("@@ -").append(range(fromStart < 0 ? hunk.get(0).oldLine : fromStart, fromCount))
                .append(" +").append(range(toStart < 0 ? hunk.get(0).newLine : toStart, toCount)).append(" @@\n");
        for (Edit e : hunk) {
            String text = e.op == '+' ? b.get(e.newLine) : a.get(e.oldLine);
            out.append(e.op).append(text).append('\n');
            boolean lastOld = e.op != '+' && e.oldLine == a.size() - 1 && aOpen;
            boolean lastNew = e.op != '-' && e.newLine == b.size() - 1 && bOpen;
            if (lastOld || lastNew) {
                out.append("\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int zeroBasedStart, int count) {
        int start = zeroBasedStart + 1;
        return count > 1 ? start + "," + count : String.valueOf(start);
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            if (nl < 0) {
                out.add(text.substring(at));
                break;
            }
            out.add(text.substring(at, nl));
            at = nl + 1;
        }
        return out;
    }

    /**
     * A shortest edit script by Myers' algorithm (the greedy forward search, then a walk back through the saved
     * frontiers), deletions before insertions in each change: the same choices as the reference's differ.
     */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        List<Edit> raw = new ArrayList<>();
        if ((long) max * max > MAX_CELLS * 4) {
            for (int i = 0; i < n; i++) {
                raw.add(new Edit('-', i, 0));
            }
            for (int j = 0; j < m; j++) {
                raw.add(new Edit('+', n, j));
            }
            return raw;
        }
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        // Walk back from (n, m) through the frontier saved before each step.
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] prev = trace.get(d);
            int k = x - y;
            int prevK = k == -d || (k != d && prev[offset + k - 1] < prev[offset + k + 1]) ? k + 1 : k - 1;
            int prevX = prev[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.add(new Edit(' ', --x, --y));
            }
            if (x == prevX) {
                reversed.add(new Edit('+', x, --y));
            } else {
                reversed.add(new Edit('-', --x, y));
            }
        }
        while (x > 0 && y > 0) {
            reversed.add(new Edit(' ', --x, --y));
        }
        List<Edit> deletes = new ArrayList<>();
        List<Edit> inserts = new ArrayList<>();
        for (int i = reversed.size() - 1; i >= 0; i--) {
            Edit e = reversed.get(i);
            if (e.op == ' ') {
                raw.addAll(deletes);
                raw.addAll(inserts);
                deletes.clear();
                inserts.clear();
                raw.add(e);
            } else if (e.op == '-') {
                deletes.add(e);
            } else {
                inserts.add(e);
            }
        }
        raw.addAll(deletes);
        raw.addAll(inserts);
        return raw;
    }
}
