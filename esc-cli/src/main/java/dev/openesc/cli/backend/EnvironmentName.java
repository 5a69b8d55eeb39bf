package dev.openesc.cli.backend;

/** An environment's full name: organization, project and environment. */
public record EnvironmentName(String org, String project, String env) {
    @Override
    public String toString() {
        return org + "/" + project + "/" + env;
    }
}
