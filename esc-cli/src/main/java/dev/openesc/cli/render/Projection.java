package dev.openesc.cli.render;

import dev.openesc.core.value.Environment;
import dev.openesc.core.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an opened environment projects onto a process: its {@code environmentVariables} and {@code files} as
 * strings (sorted by name) and the secrets among them, which output must hide.
 */
public record Projection(Map<String, String> variables, Map<String, String> files, List<String> secrets) {

    public static Projection of(Environment env) {
        Map<String, String> variables = new TreeMap<>();
        Map<String, String> files = new TreeMap<>();
        List<String> secrets = new ArrayList<>();
        if (env != null) {
            collect(env.environmentVariables(), variables, secrets);
            collect(env.temporaryFiles(), files, secrets);
        }
        return new Projection(new LinkedHashMap<>(variables), new LinkedHashMap<>(files), secrets);
    }

    private static void collect(Map<String, Value> from, Map<String, String> into, List<String> secrets) {
        for (Map.Entry<String, Value> e : from.entrySet()) {
            String s = e.getValue().toString(false);
            into.put(e.getKey(), s);
            if (e.getValue().secret()) {
                secrets.add(s);
            }
        }
    }

    /** Whether the variable holds a secret of the environment. */
    public boolean isSecretVariable(Environment env, String name) {
        Value v = env.environmentVariables().get(name);
        return v != null && v.secret();
    }
}
