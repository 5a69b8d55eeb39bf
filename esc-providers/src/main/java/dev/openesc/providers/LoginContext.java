package dev.openesc.providers;

import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.util.Map;

/**
 * Who opens which environment, read from the execution context the server hands the evaluator
 * ({@code context.pulumi.organization.login}, {@code context.pulumi.user.login}, and the
 * {@code rootEnvironment.name} / {@code currentEnvironment.name} the evaluator adds).
 *
 * @param org                the organization
 * @param rootEnvironment    the environment being opened, {@code <project>/<env>} (or a legacy bare name)
 * @param currentEnvironment the environment whose definition holds the {@code fn::open}
 * @param user               the login of the user who opened it
 */
public record LoginContext(String org, String rootEnvironment, String currentEnvironment, String user) {

    public static LoginContext of(ExecContext context) {
        Map<String, Value> values = context.values();
        return new LoginContext(
                text(values, "pulumi", "organization", "login"),
                text(values, "rootEnvironment", "name"),
                text(values, "currentEnvironment", "name"),
                text(values, "pulumi", "user", "login"));
    }

    private static String text(Map<String, Value> values, String... path) {
        Value value = null;
        Map<String, Value> level = values;
        for (String key : path) {
            value = level == null ? null : level.get(key);
            level = value != null && value.value() instanceof Map<?, ?> ? value.asMap() : null;
        }
        return value != null && value.value() instanceof String text ? text : "";
    }
}
