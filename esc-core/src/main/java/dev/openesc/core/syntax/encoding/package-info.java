/**
 * The YAML layer of environment definitions.
 *
 * <ul>
 *   <li>{@link dev.openesc.core.syntax.encoding.YamlDecoder} reads YAML bytes into syntax nodes with the reference's
 *       exact ranges, paths and typing; bad input of any kind comes back as diagnostics.</li>
 *   <li>{@link dev.openesc.core.syntax.encoding.YamlEncoder} writes syntax nodes back as YAML, keeping the comments
 *       and styles of nodes that were decoded.</li>
 *   <li>{@link dev.openesc.core.syntax.encoding.YamlEditor} sets and removes values at property paths in a
 *       document, keeping everything else.</li>
 * </ul>
 *
 * <p>Parsing uses snakeyaml-engine's event API; the tree the events build
 * ({@link dev.openesc.core.syntax.encoding.YamlNode}) follows the reference's YAML library (tag, style, head, line
 * and foot comments) so that re-encoding matches it.
 */
package dev.openesc.core.syntax.encoding;
