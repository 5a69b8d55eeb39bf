package dev.openesc.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.api.EscException;
import dev.openesc.api.EscService;
import dev.openesc.api.OrgMembership;
import dev.openesc.api.UserInfo;
import io.javalin.config.RoutesConfig;

import java.util.Locale;

import static dev.openesc.server.http.TokenAuthentication.caller;

/** What the reference CLI asks at login: who am I, and which organization is my default. */
final class UserEndpoints {

    private final EscService service;

    UserEndpoints(EscService service) {
        this.service = service;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/user", ctx -> {
            UserInfo user = service.currentUser(caller(ctx));
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("githubLogin", user.login());
            body.put("name", user.name());
            if (user.email() != null) {
                body.put("email", user.email());
            }
            ArrayNode orgs = body.putArray("organizations");
            for (OrgMembership m : user.organizations()) {
                orgs.addObject()
                        .put("githubLogin", m.organization())
                        .put("name", m.organization())
                        .put("role", m.role().name().toLowerCase(Locale.ROOT));
            }
            Json.ok(ctx, body);
        });
        routes.get("/api/user/organizations/default", ctx -> {
            String org = service.defaultOrganization(caller(ctx))
                    .orElseThrow(() -> new EscException.NotFound("no default organization"));
            Json.ok(ctx, Json.MAPPER.createObjectNode().put("gitHubLogin", org));
        });
    }
}
