package dev.openesc.providers.testing;

import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.util.Map;

/** Execution contexts as the server builds them: who opens, in which organization, which environment. */
public final class Contexts {

    private Contexts() {
    }

    /** {@code user} of {@code org} opening {@code environment} ({@code <project>/<env>}). */
    public static ExecContext opening(String org, String environment, String user) {
        ExecContext base = ExecContext.of(Map.of("pulumi", Value.ofMap(Map.of(
                "organization", Value.ofMap(Map.of("login", Value.ofString(org))),
                "user", Value.ofMap(Map.of("login", Value.ofString(user)))))));
        return base.copyForEnv(environment);
    }
}
