package dev.openesc.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.api.AccessTokenInfo;
import dev.openesc.api.AuditEntry;
import dev.openesc.api.AuditQuery;
import dev.openesc.api.CreatedUser;
import dev.openesc.api.EscService;
import dev.openesc.api.NewAccessToken;
import dev.openesc.api.NewUser;
import dev.openesc.api.OrgMember;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import static dev.openesc.server.http.TokenAuthentication.caller;

/**
 * Administration on the reference's Pulumi Cloud paths and shapes: an organization's members
 * ({@code /api/orgs/{org}/members}), the caller's access tokens ({@code /api/user/tokens}) and an
 * organization's audit log ({@code /api/orgs/{org}/auditlogs}). Fields the reference does not have are
 * OpenESC extensions, listed in docs/api.md, as is {@code /api/orgs/{org}/users}: creating and deleting
 * users, which Pulumi Cloud does only through SCIM with an organization-wide SCIM token.
 */
final class AdminEndpoints {

    static final String MEMBERS = "/api/orgs/{org}/members";
    static final String TOKENS = "/api/user/tokens";
    static final String AUDIT = "/api/orgs/{org}/auditlogs";
    static final String USERS = "/api/orgs/{org}/users";
    private static final long LAST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private final EscService service;
    private final RequestBodies bodies;

    AdminEndpoints(EscService service, RequestBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.get(MEMBERS, this::members);
        routes.post(MEMBERS + "/{login}", ctx -> Json.ok(ctx, member(service.addMember(caller(ctx), Paths.org(ctx),
                ctx.pathParam("login"), role(Json.object(bodies.read(ctx)), OrgRole.MEMBER)))));
        routes.patch(MEMBERS + "/{login}", ctx -> Json.ok(ctx, member(service.changeMemberRole(caller(ctx),
                Paths.org(ctx), ctx.pathParam("login"), role(Json.object(bodies.read(ctx)), null)))));
        routes.post(USERS, this::createUser);
        routes.delete(USERS + "/{login}", ctx -> {
            service.deleteUser(caller(ctx), Paths.org(ctx), ctx.pathParam("login"));
            ctx.status(204);
        });
        routes.delete(MEMBERS + "/{login}", ctx -> {
            service.removeMember(caller(ctx), Paths.org(ctx), ctx.pathParam("login"));
            ctx.status(204);
        });
        routes.get(TOKENS, this::tokens);
        routes.post(TOKENS, this::createToken);
        routes.delete(TOKENS + "/{id}", ctx -> {
            service.revokeToken(caller(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.get(AUDIT, this::auditLog);
    }

    private void members(Context ctx) {
        Integer count = Queries.integer(ctx, "count");
        Page<OrgMember> page = service.listMembers(caller(ctx), Paths.org(ctx), Queries.text(ctx, "continuationToken"),
                count == null ? 0 : count);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode items = body.putArray("members");
        page.items().forEach(m -> items.add(member(m)));
        if (page.nextToken() != null) {
            body.put("continuationToken", page.nextToken());
        }
        Json.ok(ctx, body);
    }

    /** {@code POST /api/orgs/{org}/users}: the new member's shape, with its first token when one was asked for. */
    private void createUser(Context ctx) {
        ObjectNode request = Json.object(bodies.read(ctx));
        String tokenDescription = null;
        Instant tokenExpires = null;
        if (request.hasNonNull("token")) {
            ObjectNode token = Json.child(request, "token");
            String description = Json.text(token, "description");
            tokenDescription = description == null ? "" : description;
            tokenExpires = expiry(Json.number(token, "expires"));
        }
        CreatedUser created = service.createUser(caller(ctx), Paths.org(ctx), new NewUser(Json.text(request, "login"),
                Json.text(request, "name"), Json.text(request, "email"), role(request, OrgRole.MEMBER),
                tokenDescription, tokenExpires));
        ObjectNode body = member(created.member());
        created.token().ifPresent(t -> body.putObject("token").put("id", t.token().id()).put("tokenValue", t.secret()));
        Json.send(ctx, 201, body);
    }

    private static OrgRole role(ObjectNode request, OrgRole fallback) {
        String role = Json.text(request, "role");
        if (role == null) {
            if (fallback == null) {
                throw HttpFailure.badRequest("field 'role' is required: member or admin");
            }
            return fallback;
        }
        return switch (role.strip().toLowerCase(Locale.ROOT)) {
            case "member" -> OrgRole.MEMBER;
            case "admin" -> OrgRole.ADMIN;
            default -> throw HttpFailure.badRequest("role must be member or admin");
        };
    }

    private static ObjectNode member(OrgMember m) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("role", m.role().name().toLowerCase(Locale.ROOT));
        ObjectNode user = node.putObject("user");
        user.put("name", m.name());
        user.put("githubLogin", m.login());
        user.put("avatarUrl", "");
        if (m.email() != null) {
            user.put("email", m.email());
        }
        node.put("created", Responses.time(m.joined()));
        node.put("knownToPulumi", true);
        node.put("virtualAdmin", false);
        return node;
    }

    private void tokens(Context ctx) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode items = body.putArray("tokens");
        for (AccessTokenInfo t : service.listTokens(caller(ctx))) {
            ObjectNode node = items.addObject();
            node.put("id", t.id());
            node.put("description", t.description());
            node.put("created", Responses.time(t.created()));
            node.put("lastUsed", seconds(t.lastUsed()));
            node.put("expires", seconds(t.expires()));
            node.put("revoked", t.revoked() != null);
            if (t.revoked() != null) {
                node.put("revokedAt", Responses.time(t.revoked()));
            }
        }
        Json.ok(ctx, body);
    }

    private void createToken(Context ctx) {
        ObjectNode request = Json.object(bodies.read(ctx));
        NewAccessToken created = service.createToken(caller(ctx), Json.text(request, "description"),
                expiry(Json.number(request, "expires")));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", created.token().id());
        body.put("tokenValue", created.secret());
        Json.ok(ctx, body);
    }

    private void auditLog(Context ctx) {
        AuditQuery query = new AuditQuery(instant(ctx, "startTime"), instant(ctx, "endTime"),
                Queries.text(ctx, "eventFilter"), Queries.text(ctx, "continuationToken"), Queries.integer(ctx, "count"));
        Page<AuditEntry> page = service.listAuditEvents(caller(ctx), Paths.org(ctx), query);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode items = body.putArray("auditLogEvents");
        for (AuditEntry e : page.items()) {
            ObjectNode node = items.addObject();
            node.put("timestamp", seconds(e.at()));
            node.put("sourceIP", e.source() == null ? "" : e.source());
            node.put("event", e.action().toLowerCase(Locale.ROOT));
            node.put("description", description(e));
            node.putObject("user").put("name", e.actor()).put("githubLogin", e.actor()).put("avatarUrl", "");
            // OpenESC extensions: the exact time, the event's order, and what it touched.
            node.put("id", e.id());
            node.put("time", Responses.time(e.at()));
            if (e.environment() != null) {
                node.put("project", e.project());
                node.put("environment", e.environment());
            }
            if (e.revision() != null) {
                node.put("revision", e.revision());
            }
            if (e.detail() != null) {
                node.put("detail", e.detail());
            }
        }
        if (page.nextToken() != null) {
            body.put("continuationToken", page.nextToken());
        }
        Json.ok(ctx, body);
    }

    private static String description(AuditEntry e) {
        StringBuilder text = new StringBuilder(e.action().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (e.environment() != null) {
            text.append(' ').append(e.project()).append('/').append(e.environment());
            if (e.revision() != null) {
                text.append('@').append(e.revision());
            }
        }
        if (e.detail() != null) {
            text.append(": ").append(e.detail());
        }
        return text.toString();
    }

    /**
     * A token's {@code expires}: Unix seconds, 0 or absent for never. Bounded to the year 9999 so that the
     * store's milliseconds cannot overflow; a time already past is the service's 400.
     */
    private static Instant expiry(Long seconds) {
        if (seconds == null || seconds == 0) {
            return null;
        }
        if (seconds < 0 || seconds > LAST_EXPIRY) {
            throw HttpFailure.badRequest("field 'expires' must be Unix seconds before the year 10000");
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** Unix seconds, as the reference's token and audit shapes carry times; 0 for none. */
    private static long seconds(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond();
    }

    /** A time query parameter: Unix seconds (the reference's form) or RFC 3339. */
    private static Instant instant(Context ctx, String name) {
        String text = Queries.text(ctx, name);
        if (text == null) {
            return null;
        }
        try {
            return text.strip().chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochSecond(Long.parseLong(text.strip())) : Instant.parse(text.strip());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw HttpFailure.badRequest("query parameter '" + name + "' must be Unix seconds or an RFC 3339 time");
        }
    }
}
