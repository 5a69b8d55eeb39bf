package dev.openesc.server.http;

import io.javalin.http.Context;

/**
 * Which generation of the API a client expects where they differ: the TypeScript SDK up to 0.12 wants
 * 200 from create and delete, the clients generated from the 0.13+ spec want 204. Only the 0.12 SDK
 * identifies itself ({@code User-Agent: esc-sdk/ts/v0.12.4}); everything else gets the current answer.
 */
enum ClientDialect {
    SDK_0_12,
    CURRENT;

    private static final String SDK_0_12_AGENT = "esc-sdk/ts/v0.12.";

    static ClientDialect of(Context ctx) {
        String agent = ctx.header("User-Agent");
        return agent != null && agent.startsWith(SDK_0_12_AGENT) ? SDK_0_12 : CURRENT;
    }

    /** The success status of a create or delete that has no body to send. */
    int emptySuccess() {
        return this == SDK_0_12 ? 200 : 204;
    }
}
