package dev.openesc.cli.env;

/**
 * An environment as the user wrote it: {@code [org/][project/]env[@version]}. Parsed the way the reference does:
 * one part is an environment of the default project in the default org; two parts are {@code project/env} unless
 * that is not found and {@code org/default/env} is (the legacy form), which {@code ambiguous} flags; three or more
 * parts are {@code org/project/env} (extra parts are joined into the environment name). The version follows
 * {@code @} (or {@code :} when there is no {@code @}) and is a revision number, a tag, or {@code latest}.
 */
public record EnvironmentRef(String org, String project, String env, String version, boolean ambiguous) {
    public static final String DEFAULT_PROJECT = "default";

    public static EnvironmentRef parse(String text, String defaultOrg) {
        String org = defaultOrg;
        String project = DEFAULT_PROJECT;
        String rest;
        boolean ambiguous = false;
        String[] parts = text.split("/", -1);
        if (parts.length == 1) {
            rest = parts[0];
        } else if (parts.length == 2) {
            project = parts[0];
            rest = parts[1];
            ambiguous = true;
        } else {
            org = parts[0];
            project = parts[1];
            StringBuilder b = new StringBuilder();
            for (int i = 2; i < parts.length; i++) {
                b.append(parts[i]);
            }
            rest = b.toString();
        }
        String env = rest;
        String version = "";
        int at = rest.indexOf('@');
        if (at < 0) {
            at = rest.indexOf(':');
        }
        if (at >= 0) {
            env = rest.substring(0, at);
            version = rest.substring(at + 1);
        }
        return new EnvironmentRef(org, project, env, version, ambiguous);
    }

    /** The legacy reading of a two-part reference: {@code org/env} in the default project. */
    public EnvironmentRef legacy() {
        return new EnvironmentRef(project, DEFAULT_PROJECT, env, version, ambiguous);
    }

    public EnvironmentRef withVersion(String v) {
        return new EnvironmentRef(org, project, env, v, ambiguous);
    }

    public boolean hasVersion() {
        return !version.isEmpty();
    }

    public dev.openesc.cli.backend.EnvironmentName name() {
        return new dev.openesc.cli.backend.EnvironmentName(org, project, env);
    }

    /** {@code org/project/env[@version]}. */
    @Override
    public String toString() {
        String s = org + "/" + project + "/" + env;
        return version.isEmpty() ? s : s + "@" + version;
    }
}
