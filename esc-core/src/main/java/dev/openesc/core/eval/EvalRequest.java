package dev.openesc.core.eval;

import dev.openesc.core.ast.EnvironmentDecl;
import dev.openesc.core.crypt.Decrypter;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.value.ExecContext;

/** What to evaluate: the environment's name and declarations, and the services evaluation may call. */
public record EvalRequest(
        String name,
        EnvironmentDecl decl,
        Decrypter decrypter,
        ProviderLoader providers,
        EnvironmentLoader environments,
        ExecContext execContext) {}
