package dev.openesc.cli.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over bytes that finds secrets in a stream.
 *
 * <p>States are numbered in breadth-first order, so a state's failure target always has a smaller number. The
 * shallow states (the root and its near descendants, where a scan of ordinary output spends nearly all of its
 * time) get a complete transition row over byte classes, which makes each step one table lookup. Deeper states
 * keep only their trie children and fall back along failure links until they reach a state with a full row; this
 * bounds memory when secrets are long (a PEM key is thousands of states) without slowing the common path.
 *
 * <p>The depth of a state is the length of the longest suffix of the input that is a prefix of some secret: exactly
 * the number of bytes a streaming redactor must hold back.
 */
final class SecretAutomaton {

    static final int ROOT = 0;

    /** Default upper bound on the full-row table, in entries (4 bytes each): 4 MiB. */
    static final int DENSE_TABLE_BUDGET = 1 << 20;

    /** Byte value to its class; bytes that occur in no secret share class 0. */
    private final int[] byteClass = new int[256];
    private final int classCount;

    /**
     * Full rows for states {@code 0 .. denseStates-1}, entry {@code rows[state * classCount + class]}. An entry
     * for a target that is dense and ends no secret holds the start of that target's row, so the scan loop needs
     * no multiplication; any other target (a match, or a state without a row) is stored as {@code -(target + 1)}
     * and handled off the fast path.
     */
    private final int[] rows;
    private final int denseStates;

    /** Trie children of every state: bytes {@code childBytes[childStart[s] .. childStart[s+1])}, sorted. */
    private final int[] childStart;
    private final byte[] childBytes;
    private final int[] childTargets;

    private final int[] failure;
    private final int[] depth;
    /** Length of the longest secret that is a suffix of the input on reaching the state; 0 if none. */
    private final int[] matchLength;
    private final int longestSecret;
    /** Bytes that move the root to another state: any other byte read at the root leaves it there. */
    private final boolean[] leavesRoot = new boolean[256];
    /** Length of the shortest secret: the window of the skip below. */
    private final int shortestSecret;
    /**
     * Bytes found within the first {@link #shortestSecret} bytes of some secret. A secret that starts in a window of
     * that many bytes covers the window's last byte at an offset below its length; when that byte is in no secret
     * at such an offset, no secret starts in the window, and the scan at the root skips it with one lookup. Random
     * output then advances a window per lookup instead of a byte, and the lookups, a fixed stride apart, do not
     * wait on each other (a Horspool shift by the byte's value would chain each load on the one before).
     */
    private final boolean[] nearStart = new boolean[256];

    private SecretAutomaton(TrieBuilder trie, int denseBudget) {
        int states = trie.size;

        boolean[] used = new boolean[256];
        for (int node = 1; node < states; node++) {
            used[trie.label[node] & 0xff] = true;
        }
        int classes = 1;
        for (int b = 0; b < 256; b++) {
            byteClass[b] = used[b] ? classes++ : 0;
        }
        classCount = classes;

        // Renumber the trie breadth-first; the order array doubles as the queue.
        int[] order = new int[states];
        int[] newId = new int[states];
        int tail = 1;
        for (int head = 0; head < tail; head++) {
            newId[order[head]] = head;
            for (int child = trie.firstChild[order[head]]; child >= 0; child = trie.nextSibling[child]) {
                order[tail++] = child;
            }
        }

        childStart = new int[states + 1];
        childBytes = new byte[states - 1];
        childTargets = new int[states - 1];
        depth = new int[states];
        matchLength = new int[states];
        failure = new int[states];
        int edge = 0;
        for (int s = 0; s < states; s++) {
            childStart[s] = edge;
            for (int child : trie.childrenByByte(order[s])) {
                childBytes[edge] = trie.label[child];
                childTargets[edge] = newId[child];
                depth[newId[child]] = depth[s] + 1;
                edge++;
            }
            matchLength[s] = trie.terminal[order[s]] ? depth[s] : 0;
        }
        childStart[states] = edge;

        // Failure links and inherited matches, breadth-first so that every failure target is complete.
        for (int s = 0; s < states; s++) {
            for (int e = childStart[s]; e < childStart[s + 1]; e++) {
                int child = childTargets[e];
                int fail = s == ROOT ? ROOT : trieStep(failure[s], childBytes[e]);
                failure[child] = fail;
                if (matchLength[child] == 0) {
                    matchLength[child] = matchLength[fail];
                }
            }
        }

        denseStates = Math.max(1, Math.min(states, denseBudget / classCount));
        rows = new int[denseStates * classCount];
        int[] representative = new int[classCount];
        for (int b = 255; b >= 0; b--) {
            representative[byteClass[b]] = b;
        }
        for (int s = 0; s < denseStates; s++) {
            for (int c = 0; c < classCount; c++) {
                int target = child(s, (byte) representative[c]);
                if (target < 0) {
                    target = s == ROOT ? ROOT : rowTarget(failure[s], c);
                }
                rows[s * classCount + c] = target < denseStates && matchLength[target] == 0
                        ? target * classCount
                        : -(target + 1);
            }
        }
        longestSecret = trie.longest;
        for (int b = 0; b < 256; b++) {
            leavesRoot[b] = step(ROOT, (byte) b) != ROOT;
        }
        shortestSecret = trie.secrets.isEmpty() ? 1 : trie.shortest;
        for (byte[] secret : trie.secrets) {
            for (int k = 0; k < shortestSecret; k++) {
                nearStart[secret[k] & 0xff] = true;
            }
        }
    }

    /** Builds the automaton for the given secrets; empty secrets are ignored. */
    static SecretAutomaton of(List<byte[]> secrets) {
        return of(secrets, DENSE_TABLE_BUDGET);
    }

    /** As {@link #of(List)}, with a given bound on the full-row table (tests use a tiny one). */
    static SecretAutomaton of(List<byte[]> secrets, int denseBudget) {
        TrieBuilder trie = new TrieBuilder();
        for (byte[] secret : secrets) {
            trie.add(secret);
        }
        return new SecretAutomaton(trie, denseBudget);
    }

    /** The state after reading {@code b} in state {@code state}. */
    int step(int state, byte b) {
        int s = state;
        while (s >= denseStates) {
            int target = child(s, b);
            if (target >= 0) {
                return target;
            }
            s = failure[s];
        }
        return rowTarget(s, byteClass[b & 0xff]);
    }

    /** The target of a full-row state {@code state} on byte class {@code byteClass}, as a state number. */
    private int rowTarget(int state, int byteClass) {
        int entry = rows[state * classCount + byteClass];
        return entry >= 0 ? entry / classCount : -entry - 1;
    }

    /**
     * Runs the automaton over {@code bytes[from..to)} starting in {@code state} and stops at the first position
     * where a secret ends. Returns that position plus one, or {@code to} when none ends; the state reached is left
     * in {@code stateOut[0]}.
     */
    int scan(int state, byte[] bytes, int from, int to, int[] stateOut) {
        int[] table = rows;
        int[] classes = byteClass;
        int width = classCount;
        int window = shortestSecret;
        int s = state;
        int i = from;
        while (i < to) {
            if (s < denseStates && matchLength[s] == 0) {
                // The fast path: row to row, one lookup per byte, until the row runs out or a special target.
                int row = s * width;
                boolean[] starts = leavesRoot;
                while (true) {
                    if (row == 0) {
                        // At the root (row 0), most output starts no secret: skip whole windows while the byte
                        // ending each one rules out the starts it covers (see nearStart), four at a time while they
                        // last, then single bytes that start nothing. Plain index loops over the array, unrolled
                        // by hand: bin/esc runs C1 only, which neither unrolls nor hoists.
                        boolean[] near = nearStart;
                        while (true) {
                            int last = i + window - 1;
                            int w4 = 4 * window;
                            while (last + 3 * window < to && !near[bytes[last] & 0xff]
                                    && !near[bytes[last + window] & 0xff] && !near[bytes[last + 2 * window] & 0xff]
                                    && !near[bytes[last + 3 * window] & 0xff]) {
                                last += w4;
                            }
                            while (last < to && !near[bytes[last] & 0xff]) {
                                last += window;
                            }
                            i = last - window + 1;
                            // Within the window a start is possible: look byte by byte, but no further than its
                            // end, so that the next window skip is not lost to a long byte-by-byte run.
                            int stop = Math.min(to, last + 1);
                            while (i < stop && !starts[bytes[i] & 0xff]) {
                                i++;
                            }
                            if (i < stop || stop == to) {
                                break;
                            }
                        }
                    }
                    if (i >= to) {
                        stateOut[0] = row / width;
                        return to;
                    }
                    int entry = table[row + classes[bytes[i++] & 0xff]];
                    if (entry < 0) {
                        s = -entry - 1;
                        break;
                    }
                    row = entry;
                }
            } else {
                s = step(s, bytes[i++]);
            }
            if (matchLength[s] != 0) {
                stateOut[0] = s;
                return i;
            }
        }
        stateOut[0] = s;
        return to;
    }

    int depth(int state) {
        return depth[state];
    }

    int matchLength(int state) {
        return matchLength[state];
    }

    int longestSecret() {
        return longestSecret;
    }

    int stateCount() {
        return depth.length;
    }

    private int child(int state, byte b) {
        int lo = childStart[state];
        int hi = childStart[state + 1] - 1;
        int key = b & 0xff;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = childBytes[mid] & 0xff;
            if (at < key) {
                lo = mid + 1;
            } else if (at > key) {
                hi = mid - 1;
            } else {
                return childTargets[mid];
            }
        }
        return -1;
    }

    /** Goto function on the trie with failure fallback, used while the failure links are being built. */
    private int trieStep(int state, byte b) {
        int s = state;
        while (true) {
            int target = child(s, b);
            if (target >= 0) {
                return target;
            }
            if (s == ROOT) {
                return ROOT;
            }
            s = failure[s];
        }
    }

    /** A growable trie in flat arrays (first child, next sibling), used only while building. */
    private static final class TrieBuilder {
        int[] firstChild = new int[64];
        int[] nextSibling = new int[64];
        byte[] label = new byte[64];
        boolean[] terminal = new boolean[64];
        int size;
        int longest;
        int shortest = Integer.MAX_VALUE;
        final List<byte[]> secrets = new ArrayList<>();

        TrieBuilder() {
            newNode((byte) 0);
        }

        private int newNode(byte b) {
            if (size == firstChild.length) {
                int capacity = size * 2;
                firstChild = Arrays.copyOf(firstChild, capacity);
                nextSibling = Arrays.copyOf(nextSibling, capacity);
                label = Arrays.copyOf(label, capacity);
                terminal = Arrays.copyOf(terminal, capacity);
            }
            firstChild[size] = -1;
            nextSibling[size] = -1;
            label[size] = b;
            return size++;
        }

        void add(byte[] secret) {
            if (secret.length == 0) {
                return;
            }
            int node = 0;
            for (byte b : secret) {
                int child = firstChild[node];
                while (child >= 0 && label[child] != b) {
                    child = nextSibling[child];
                }
                if (child < 0) {
                    child = newNode(b);
                    nextSibling[child] = firstChild[node];
                    firstChild[node] = child;
                }
                node = child;
            }
            terminal[node] = true;
            longest = Math.max(longest, secret.length);
            shortest = Math.min(shortest, secret.length);
            secrets.add(secret);
        }

        /** The children of {@code node}, ordered by their byte (unsigned), for binary search later. */
        int[] childrenByByte(int node) {
            int count = 0;
            for (int child = firstChild[node]; child >= 0; child = nextSibling[child]) {
                count++;
            }
            int[] children = new int[count];
            int at = 0;
            for (int child = firstChild[node]; child >= 0; child = nextSibling[child]) {
                // Insertion sort: nearly every node has zero or one child; the root has at most 256.
                int b = label[child] & 0xff;
                int i = at++;
                while (i > 0 && (label[children[i - 1]] & 0xff) > b) {
                    children[i] = children[i - 1];
                    i--;
                }
                children[i] = child;
            }
            return children;
        }
    }
}
