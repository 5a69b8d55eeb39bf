package dev.openesc.core.eval;

import dev.openesc.core.ast.EnvironmentDecl;
import dev.openesc.core.crypt.Decrypter;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.value.ExecContext;

/**
 * What to evaluate: the environment's name and declarations, and the services evaluation may call.
 * {@code definitions} may be null: imported definitions are then parsed on every pass; pass the same
 * {@link ParsedDefinitions} to the passes of one request to parse them once.
 */
public record EvalRequest(
        String name,
        EnvironmentDecl decl,
        Decrypter decrypter,
        ProviderLoader providers,
        EnvironmentLoader environments,
        ExecContext execContext,
        ParsedDefinitions definitions) {

    /** A request without a definition cache. */
    public EvalRequest(String name, EnvironmentDecl decl, Decrypter decrypter, ProviderLoader providers,
            EnvironmentLoader environments, ExecContext execContext) {
        this(name, decl, decrypter, providers, environments, execContext, null);
    }
}
