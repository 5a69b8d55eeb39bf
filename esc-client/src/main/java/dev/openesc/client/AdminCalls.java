package dev.openesc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.api.AccessTokenInfo;
import dev.openesc.api.AuditEntry;
import dev.openesc.api.AuditQuery;
import dev.openesc.api.CreatedUser;
import dev.openesc.api.NewAccessToken;
import dev.openesc.api.NewUser;
import dev.openesc.api.OrgMember;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The administrative calls of {@link HttpEscService}: members, the caller's tokens and the audit log, on the
 * server's {@code /api/orgs/...} and {@code /api/user/tokens} routes.
 */
final class AdminCalls {

    private final ApiTransport transport;

    AdminCalls(ApiTransport transport) {
        this.transport = transport;
    }

    Page<OrgMember> listMembers(String org, String continuationToken, int count) {
        Map<String, String> params = ApiTransport.query();
        params.put("continuationToken", continuationToken);
        params.put("count", count <= 0 ? null : Integer.toString(count));
        return WireShapes.page(get(members(org), params), "members", "continuationToken", AdminCalls::member);
    }

    CreatedUser createUser(String org, NewUser user) {
        ObjectNode body = WireShapes.MAPPER.createObjectNode().put("login", user.login());
        body.put("name", user.name());
        body.put("email", user.email());
        body.put("role", user.role().name().toLowerCase(Locale.ROOT));
        if (user.tokenDescription() != null) {
            ObjectNode token = body.putObject("token").put("description", user.tokenDescription());
            if (user.tokenExpires() != null) {
                token.put("expires", user.tokenExpires().getEpochSecond());
            }
        }
        JsonNode created = send("POST", "/api/orgs/" + ApiTransport.segment(org) + "/users", body);
        OrgMember member = member(created);
        JsonNode token = created.path("token");
        if (!token.hasNonNull("tokenValue")) {
            return new CreatedUser(member, null);
        }
        // As for createToken: the answer carries the id and the secret; the rest is what was asked for.
        return new CreatedUser(member, new NewAccessToken(new AccessTokenInfo(WireShapes.text(token, "id"),
                user.tokenDescription(), member.joined(), user.tokenExpires(), null, null),
                WireShapes.text(token, "tokenValue")));
    }

    void deleteUser(String org, String login) {
        transport.delete("/api/orgs/" + ApiTransport.segment(org) + "/users/" + ApiTransport.segment(login));
    }

    OrgMember addMember(String org, String login, OrgRole role) {
        return member(send("POST", members(org) + "/" + ApiTransport.segment(login), role(role)));
    }

    OrgMember changeMemberRole(String org, String login, OrgRole role) {
        return member(send("PATCH", members(org) + "/" + ApiTransport.segment(login), role(role)));
    }

    void removeMember(String org, String login) {
        transport.delete(members(org) + "/" + ApiTransport.segment(login));
    }

    NewAccessToken createToken(String description, Instant expires) {
        ObjectNode body = WireShapes.MAPPER.createObjectNode().put("description", description);
        if (expires != null) {
            body.put("expires", expires.getEpochSecond());
        }
        JsonNode created = send("POST", "/api/user/tokens", body);
        String id = WireShapes.text(created, "id");
        // The answer carries only the id and the secret; the rest is what the server just stored.
        return new NewAccessToken(new AccessTokenInfo(id, description, Instant.now(), expires, null, null),
                WireShapes.text(created, "tokenValue"));
    }

    List<AccessTokenInfo> listTokens() {
        List<AccessTokenInfo> out = new ArrayList<>();
        for (JsonNode t : get("/api/user/tokens", ApiTransport.query()).path("tokens")) {
            out.add(new AccessTokenInfo(WireShapes.text(t, "id"), WireShapes.text(t, "description"),
                    time(WireShapes.text(t, "created")), seconds(t.path("expires").asLong(0)),
                    seconds(t.path("lastUsed").asLong(0)), time(WireShapes.text(t, "revokedAt"))));
        }
        return out;
    }

    void revokeToken(String tokenId) {
        transport.delete("/api/user/tokens/" + ApiTransport.segment(tokenId));
    }

    Page<AuditEntry> listAuditEvents(String org, AuditQuery query) {
        Map<String, String> params = ApiTransport.query();
        params.put("startTime", query.since() == null ? null : query.since().toString());
        params.put("endTime", query.until() == null ? null : query.until().toString());
        params.put("eventFilter", query.action());
        params.put("continuationToken", query.continuationToken());
        params.put("count", query.count() == null ? null : query.count().toString());
        return WireShapes.page(get("/api/orgs/" + ApiTransport.segment(org) + "/auditlogs", params),
                "auditLogEvents", "continuationToken", AdminCalls::auditEntry);
    }

    private static AuditEntry auditEntry(JsonNode e) {
        Instant at = e.hasNonNull("time") ? time(e.get("time").asText()) : seconds(e.path("timestamp").asLong());
        return new AuditEntry(e.path("id").asLong(), at, e.path("user").path("githubLogin").asText(),
                e.path("event").asText().toUpperCase(Locale.ROOT), WireShapes.text(e, "project"),
                WireShapes.text(e, "environment"), e.hasNonNull("revision") ? e.get("revision").asLong() : null,
                WireShapes.emptyToNull(WireShapes.text(e, "sourceIP")), WireShapes.text(e, "detail"));
    }

    private static String members(String org) {
        return "/api/orgs/" + ApiTransport.segment(org) + "/members";
    }

    private static ObjectNode role(OrgRole role) {
        return WireShapes.MAPPER.createObjectNode().put("role", role.name().toLowerCase(Locale.ROOT));
    }

    private static OrgMember member(JsonNode node) {
        JsonNode user = node.path("user");
        OrgRole role = "admin".equalsIgnoreCase(node.path("role").asText()) ? OrgRole.ADMIN : OrgRole.MEMBER;
        return new OrgMember(user.path("githubLogin").asText(), WireShapes.text(user, "name"),
                WireShapes.text(user, "email"), role, time(WireShapes.text(node, "created")));
    }

    private JsonNode get(String path, Map<String, String> query) {
        return transport.getJson(path, query);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        return WireShapes.tree(transport.sendJson(method, path, ApiTransport.query(), body).body());
    }

    private static Instant seconds(long seconds) {
        return seconds == 0 ? null : Instant.ofEpochSecond(seconds);
    }

    private static Instant time(String text) {
        return text == null || text.isEmpty() ? null : Instant.parse(text);
    }
}
