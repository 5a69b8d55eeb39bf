package dev.openesc.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Synthetic environments for scaling benchmarks: an import chain {@code chain-1 <- chain-2 <- ... <- chain-50}
 * and a root that imports its far end and defines {@code values} entries, each with one interpolation that
 * reads a value from the chain. References never form long chains of their own, so evaluation depth stays
 * constant while the size grows.
 */
public final class GeneratedEnvironments {
    public static final int CHAIN_DEPTH = 50;
    public static final String ROOT = "root";

    private GeneratedEnvironments() {}

    /** Every document of the fixture by environment name, the root first. */
    public static Map<String, byte[]> generate(int values) {
        Map<String, byte[]> docs = new LinkedHashMap<>();
        docs.put(ROOT, root(values).getBytes(StandardCharsets.UTF_8));
        for (int i = CHAIN_DEPTH; i >= 1; i--) {
            docs.put(chainName(i), chainLink(i).getBytes(StandardCharsets.UTF_8));
        }
        return docs;
    }

    static String chainName(int i) {
        return "chain-" + i;
    }

    private static String chainLink(int i) {
        StringBuilder b = new StringBuilder();
        if (i > 1) {
            b.append("imports:\n  - ").append(chainName(i - 1)).append('\n');
        }
        b.append("values:\n");
        b.append("  link").append(i).append(": link number ").append(i).append('\n');
        b.append("  shared:\n    depth: ").append(i).append('\n');
        return b.toString();
    }

    private static String root(int values) {
        StringBuilder b = new StringBuilder(values * 40);
        b.append("imports:\n  - ").append(chainName(CHAIN_DEPTH)).append('\n');
        b.append("values:\n");
        for (int i = 0; i < values; i++) {
            int link = 1 + i % CHAIN_DEPTH;
            b.append("  value").append(i).append(": item-").append(i).append("-${link").append(link).append("}\n");
        }
        return b.toString();
    }
}
