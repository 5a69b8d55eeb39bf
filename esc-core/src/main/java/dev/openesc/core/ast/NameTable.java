package dev.openesc.core.ast;

import java.util.HashMap;
import java.util.Map;

/**
 * The property names read from the interpolations of one document, each kept once: a document refers to the same
 * few names over and over ({@code ${app.region}} in a hundred values), and every parsed name lives as long as the
 * parsed definition. Sharing them removes a string and its bytes per reference from what the collector keeps
 * copying while a large environment is evaluated. Strings are immutable, so sharing cannot change a result.
 */
final class NameTable {
    private final Map<String, String> names = new HashMap<>();

    /** The name equal to {@code name} seen first in this document, or {@code name} itself when it is new. */
    String share(String name) {
        String known = names.putIfAbsent(name, name);
        return known != null ? known : name;
    }
}
