package dev.openesc.server.keycloak;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the one Keycloak of this JVM: started on first use (about 35 s, 450 MB) and kept in the root store, which
 * JUnit closes when the run ends; a shutdown hook stops it too if the JVM ends another way. A missing Keycloak fails
 * the test, unless {@code ESC_SKIP_KEYCLOAK=1} says to skip (CI never sets it).
 */
public final class KeycloakExtension implements ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return "1".equals(System.getenv("ESC_SKIP_KEYCLOAK"))
                ? ConditionEvaluationResult.disabled("ESC_SKIP_KEYCLOAK=1")
                : ConditionEvaluationResult.enabled("Keycloak tests run unless ESC_SKIP_KEYCLOAK=1");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Keycloak.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Keycloak.class, key -> {
            Keycloak keycloak = Keycloak.start(Keycloak.home(), Path.of("target"));
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-stop"));
            return keycloak;
        }, Keycloak.class);
    }
}
