package dev.openesc.server.http;

import dev.openesc.api.EnvironmentRef;
import io.javalin.http.Context;

/** The route templates of the API, and the names they carry. */
final class Paths {

    static final String ENVIRONMENTS = "/api/esc/environments";
    static final String ORG = ENVIRONMENTS + "/{org}";
    static final String ENV = ORG + "/{project}/{env}";

    private Paths() {
    }

    static String org(Context ctx) {
        return ctx.pathParam("org");
    }

    /** The environment a path names; a bad name fails in the ref's constructor with a 400. */
    static EnvironmentRef environment(Context ctx) {
        return new EnvironmentRef(ctx.pathParam("org"), ctx.pathParam("project"), ctx.pathParam("env"));
    }
}
