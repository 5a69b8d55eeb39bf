package dev.openesc.api;

/**
 * The full name of an environment, {@code org/project/env}. Every part is checked against {@link Names}
 * on construction, so a ref that exists is well-formed ({@code default} is accepted as a project: the
 * legacy two-part names live there).
 */
public record EnvironmentRef(String org, String project, String name) {

    public EnvironmentRef {
        Names.requireOrganization(org);
        Names.requireProject(project);
        Names.requireEnvironment(name);
    }

    /**
     * Resolves a reference as written inside an organization: {@code project/env}, or a legacy plain
     * {@code env} (project {@code default}).
     *
     * @throws EscException.InvalidRequest if it is neither
     */
    public static EnvironmentRef within(String org, String reference) {
        if (reference == null) {
            throw new EscException.InvalidRequest("missing environment name");
        }
        int slash = reference.indexOf('/');
        if (slash < 0) {
            return new EnvironmentRef(org, Names.LEGACY_PROJECT, reference);
        }
        if (reference.indexOf('/', slash + 1) >= 0) {
            throw new EscException.InvalidRequest("invalid environment name " + Names.shown(reference)
                    + ": expected project/environment");
        }
        return new EnvironmentRef(org, reference.substring(0, slash), reference.substring(slash + 1));
    }

    /** The name as evaluation and imports see it: {@code project/env}. */
    public String qualifiedName() {
        return project + "/" + name;
    }

    @Override
    public String toString() {
        return org + "/" + project + "/" + name;
    }
}
