package dev.openesc.core.eval;

import dev.openesc.core.ast.EnvironmentDecl;
import dev.openesc.core.ast.EnvironmentParser;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.encoding.DecodeOptions;
import dev.openesc.core.syntax.encoding.Decoded;
import dev.openesc.core.syntax.encoding.YamlDecoder;

/** Reads an environment definition: YAML decoding, then parsing into declarations. */
public final class Loader {
    private Loader() {}

    /** A parsed definition; {@code decl} is null when the YAML itself could not be decoded. */
    public record Loaded(EnvironmentDecl decl, Diagnostics diagnostics) {}

    public static Loaded load(String name, byte[] source) {
        return load(name, source, DecodeOptions.DEFAULTS);
    }

    /** Reads a definition under the given decoding limits (document size, nesting depth). */
    public static Loaded load(String name, byte[] source, DecodeOptions limits) {
        Diagnostics diags = new Diagnostics();
        // evaluation needs ranges and paths, not the YAML tree an editor keeps
        Decoded decoded = YamlDecoder.decodeSyntaxOnly(name, source, limits);
        diags.addAll(decoded.diagnostics());
        if (decoded.diagnostics().hasErrors()) {
            return new Loaded(null, diags);
        }
        EnvironmentParser.Parsed parsed = EnvironmentParser.parse(source, decoded.node());
        diags.addAll(parsed.diags());
        // parse errors leave a partial declaration (missing parts are null); it is still evaluated, as the
        // reference does, so that the rest of the document gets checked
        return new Loaded(parsed.decl(), diags);
    }
}
