package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.Node;

/**
 * The result of decoding a YAML document.
 *
 * @param node the document's top-level value (an ObjectNode for an environment), a DocumentNode with null content
 *     for an empty document, or null when the YAML could not be parsed at all
 * @param diagnostics problems found; errors mean the node (if any) is incomplete
 */
public record Decoded(Node node, Diagnostics diagnostics) {}
