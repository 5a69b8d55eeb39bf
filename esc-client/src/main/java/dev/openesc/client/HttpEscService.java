package dev.openesc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.api.AccessTokenInfo;
import dev.openesc.api.AuditEntry;
import dev.openesc.api.AuditQuery;
import dev.openesc.api.Caller;
import dev.openesc.api.CheckResult;
import dev.openesc.api.CloneRequest;
import dev.openesc.api.Durations;
import dev.openesc.api.EnvironmentDefinition;
import dev.openesc.api.EnvironmentHead;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EnvironmentRevision;
import dev.openesc.api.EnvironmentRevisionTag;
import dev.openesc.api.EnvironmentSettings;
import dev.openesc.api.EnvironmentSettingsChange;
import dev.openesc.api.EnvironmentTag;
import dev.openesc.api.EscException;
import dev.openesc.api.EscService;
import dev.openesc.api.NewAccessToken;
import dev.openesc.api.OpenedSession;
import dev.openesc.api.OrgEnvironment;
import dev.openesc.api.CreatedUser;
import dev.openesc.api.NewUser;
import dev.openesc.api.OrgMember;
import dev.openesc.api.OrgMembership;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Page;
import dev.openesc.api.Precondition;
import dev.openesc.api.UpdateResult;
import dev.openesc.api.UserInfo;
import dev.openesc.core.value.Environment;
import dev.openesc.core.value.Value;
import dev.openesc.core.value.WireJsonReader;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.openesc.client.ApiTransport.segment;
import static dev.openesc.client.WireShapes.emptyToNull;

/**
 * {@link EscService} over the REST API of a server at a base URL, acting with one access token. The
 * {@link Caller} arguments are ignored: the server knows the caller from the token, so a caller from
 * {@link #authenticate} merely describes it.
 */
public final class HttpEscService implements EscService {

    private static final String ENVIRONMENTS = "/api/esc/environments";
    private static final Duration DEFAULT_OPEN = Duration.ofHours(1);

    private final ApiTransport transport;
    private final AdminCalls admin;

    /** @param baseUrl the server, e.g. {@code http://127.0.0.1:8080} (without {@code /api}) */
    public HttpEscService(URI baseUrl, String token) {
        this(baseUrl, token, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Duration.ofSeconds(120));
    }

    public HttpEscService(URI baseUrl, String token, HttpClient http, Duration requestTimeout) {
        this.transport = new ApiTransport(http, baseUrl, token, requestTimeout);
        this.admin = new AdminCalls(transport);
    }

    // ---- identity

    /** Asks the server who the configured token belongs to; the arguments are unused. */
    @Override
    public Caller authenticate(String token, String source) {
        JsonNode user = get("/api/user", ApiTransport.query());
        return new Caller(WireShapes.text(user, "githubLogin"), orEmpty(WireShapes.text(user, "name")), null, null);
    }

    @Override
    public UserInfo currentUser(Caller caller) {
        JsonNode user = get("/api/user", ApiTransport.query());
        List<OrgMembership> orgs = new ArrayList<>();
        for (JsonNode org : user.path("organizations")) {
            OrgRole role = "admin".equalsIgnoreCase(org.path("role").asText()) ? OrgRole.ADMIN : OrgRole.MEMBER;
            orgs.add(new OrgMembership(org.path("githubLogin").asText(), role));
        }
        return new UserInfo(WireShapes.text(user, "githubLogin"), orEmpty(WireShapes.text(user, "name")),
                WireShapes.text(user, "email"), orgs);
    }

    @Override
    public Optional<String> defaultOrganization(Caller caller) {
        try {
            return Optional.ofNullable(WireShapes.text(get("/api/user/organizations/default", ApiTransport.query()),
                    "gitHubLogin"));
        } catch (EscException.NotFound none) {
            return Optional.empty();
        }
    }

    // ---- environments

    @Override
    public Page<OrgEnvironment> listEnvironments(Caller caller, String org, String continuationToken) {
        Map<String, String> query = ApiTransport.query();
        query.put("continuationToken", emptyToNull(continuationToken));
        return WireShapes.page(get(org == null ? ENVIRONMENTS : ENVIRONMENTS + "/" + segment(org), query),
                "environments", "nextToken", WireShapes::environment);
    }

    @Override
    public OrgEnvironment createEnvironment(Caller caller, EnvironmentRef environment) {
        ObjectNode body = WireShapes.MAPPER.createObjectNode()
                .put("project", environment.project()).put("name", environment.name());
        send("POST", ENVIRONMENTS + "/" + segment(environment.org()), ApiTransport.query(), body);
        return new OrgEnvironment(environment, null, null);
    }

    @Override
    public EnvironmentHead headEnvironment(Caller caller, EnvironmentRef environment) {
        ApiResponse response = transport.send("HEAD", path(environment), ApiTransport.query(), null, Map.of());
        return new EnvironmentHead(environment, response.revision(), response.etag());
    }

    @Override
    public EnvironmentDefinition getDefinition(Caller caller, EnvironmentRef environment, String version) {
        return definition(environment, versionPath(environment, version));
    }

    @Override
    public EnvironmentDefinition decryptDefinition(Caller caller, EnvironmentRef environment, String version) {
        return definition(environment, versionPath(environment, version) + "/decrypt");
    }

    @Override
    public UpdateResult updateEnvironment(Caller caller, EnvironmentRef environment, byte[] yaml,
                                          Precondition precondition) {
        String etag = null;
        if (precondition instanceof Precondition.IfMatch ifMatch) {
            etag = ifMatch.etag();
        } else if (precondition instanceof Precondition.AtRevision at) {
            // HTTP speaks etags: read the current one, and let the etag guard the race between the two calls
            EnvironmentHead head = headEnvironment(caller, environment);
            if (head.revision() != at.revision()) {
                throw new EscException.Conflict("the environment is at revision " + head.revision()
                        + ", not " + at.revision());
            }
            etag = head.etag();
        }
        Map<String, String> headers = etag == null ? Map.of() : Map.of("If-Match", quoted(etag));
        ApiResponse response = transport.send("PATCH", path(environment), ApiTransport.query(), yaml, headers);
        JsonNode body = WireShapes.tree(response.body());
        return new UpdateResult(environment, response.revision(), response.etag(), WireShapes.diagnostics(body));
    }

    @Override
    public void deleteEnvironment(Caller caller, EnvironmentRef environment) {
        try {
            transport.delete(path(environment));
        } catch (EscException.DeletionProtected e) {
            throw e;
        } catch (EscException.Conflict e) {
            // A delete has no precondition: its one conflict is the environment's deletion protection.
            throw new EscException.DeletionProtected(e.getMessage());
        }
    }

    @Override
    public EnvironmentSettings getEnvironmentSettings(Caller caller, EnvironmentRef environment) {
        return new EnvironmentSettings(get(path(environment) + "/settings", ApiTransport.query())
                .path("deletionProtected").asBoolean(false));
    }

    /** PATCH answers no body (as Pulumi Cloud's client expects), so the settings are read back after it. */
    @Override
    public EnvironmentSettings updateEnvironmentSettings(Caller caller, EnvironmentRef environment,
                                                         EnvironmentSettingsChange change) {
        ObjectNode body = WireShapes.MAPPER.createObjectNode();
        if (change != null && change.deletionProtected() != null) {
            body.put("deletionProtected", change.deletionProtected());
        }
        send("PATCH", path(environment) + "/settings", ApiTransport.query(), body);
        return getEnvironmentSettings(caller, environment);
    }

    @Override
    public OrgEnvironment cloneEnvironment(Caller caller, EnvironmentRef source, CloneRequest request) {
        ObjectNode body = WireShapes.MAPPER.createObjectNode()
                .put("project", request.project()).put("name", request.name())
                .put("preserveHistory", request.preserveHistory())
                .put("preserveAccess", request.preserveAccess())
                .put("preserveEnvironmentTags", request.preserveEnvironmentTags())
                .put("preserveRevisionTags", request.preserveRevisionTags());
        if (request.version() != null) {
            body.put("version", request.version());
        }
        send("POST", path(source) + "/clone", ApiTransport.query(), body);
        return new OrgEnvironment(new EnvironmentRef(source.org(), request.project(), request.name()), null, null);
    }

    // ---- revisions and revision tags

    @Override
    public List<EnvironmentRevision> listRevisions(Caller caller, EnvironmentRef environment, Long before,
                                                   Integer count) {
        Map<String, String> query = ApiTransport.query();
        query.put("before", before == null ? null : before.toString());
        query.put("count", count == null ? null : count.toString());
        List<EnvironmentRevision> out = new ArrayList<>();
        get(path(environment) + "/versions", query).forEach(r -> out.add(WireShapes.revision(r)));
        return out;
    }

    @Override
    public Page<EnvironmentRevisionTag> listRevisionTags(Caller caller, EnvironmentRef environment, String after,
                                                         Integer count) {
        return WireShapes.page(get(path(environment) + "/versions/tags", page(after, count)), "tags", "nextToken",
                WireShapes::revisionTag);
    }

    @Override
    public EnvironmentRevisionTag getRevisionTag(Caller caller, EnvironmentRef environment, String tag) {
        return WireShapes.revisionTag(get(revisionTagPath(environment, tag), ApiTransport.query()));
    }

    @Override
    public EnvironmentRevisionTag createRevisionTag(Caller caller, EnvironmentRef environment, String tag,
                                                    Long revision) {
        ObjectNode body = WireShapes.MAPPER.createObjectNode().put("name", tag);
        if (revision != null) {
            body.put("revision", revision);
        }
        send("POST", path(environment) + "/versions/tags", ApiTransport.query(), body);
        return getRevisionTag(caller, environment, tag);
    }

    @Override
    public EnvironmentRevisionTag updateRevisionTag(Caller caller, EnvironmentRef environment, String tag,
                                                    long revision) {
        send("PATCH", revisionTagPath(environment, tag), ApiTransport.query(),
                WireShapes.MAPPER.createObjectNode().put("revision", revision));
        return getRevisionTag(caller, environment, tag);
    }

    @Override
    public void deleteRevisionTag(Caller caller, EnvironmentRef environment, String tag) {
        transport.delete(revisionTagPath(environment, tag));
    }

    @Override
    public void retractRevision(Caller caller, EnvironmentRef environment, String version, Long replacement,
                                String reason) {
        ObjectNode body = WireShapes.MAPPER.createObjectNode();
        if (replacement != null) {
            body.put("replacement", replacement);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        send("POST", path(environment) + "/versions/" + segment(version == null ? "latest" : version) + "/retract",
                ApiTransport.query(), body);
    }

    // ---- environment tags

    @Override
    public Page<EnvironmentTag> listEnvironmentTags(Caller caller, EnvironmentRef environment, String after,
                                                    Integer count) {
        Page<EnvironmentTag> listed = WireShapes.page(get(path(environment) + "/tags", page(after, count)), "tags",
                "nextToken", WireShapes::environmentTag);
        return new Page<>(listed.items().stream().sorted(Comparator.comparing(EnvironmentTag::name)).toList(),
                listed.nextToken());
    }

    @Override
    public EnvironmentTag getEnvironmentTag(Caller caller, EnvironmentRef environment, String name) {
        return WireShapes.environmentTag(get(tagPath(environment, name), ApiTransport.query()));
    }

    @Override
    public EnvironmentTag createEnvironmentTag(Caller caller, EnvironmentRef environment, String name, String value) {
        ObjectNode body = WireShapes.MAPPER.createObjectNode().put("name", name).put("value", value);
        return WireShapes.environmentTag(json(send("POST", path(environment) + "/tags", ApiTransport.query(), body)));
    }

    @Override
    public EnvironmentTag updateEnvironmentTag(Caller caller, EnvironmentRef environment, String name,
                                               String currentValue, String newName, String newValue) {
        ObjectNode body = WireShapes.MAPPER.createObjectNode();
        if (currentValue != null) {
            body.putObject("currentTag").put("value", currentValue);
        }
        body.putObject("newTag").put("name", newName).put("value", newValue);
        return WireShapes.environmentTag(json(send("PATCH", tagPath(environment, name), ApiTransport.query(), body)));
    }

    @Override
    public void deleteEnvironmentTag(Caller caller, EnvironmentRef environment, String name) {
        transport.delete(tagPath(environment, name));
    }

    // ---- check and open

    @Override
    public CheckResult checkYaml(Caller caller, String org, byte[] yaml, boolean showSecrets) {
        return check(yamlPath(org) + "/check", yaml, showSecrets);
    }

    @Override
    public CheckResult checkEnvironment(Caller caller, EnvironmentRef environment, String version,
                                        boolean showSecrets) {
        return check(versionPath(environment, version) + "/check", new byte[0], showSecrets);
    }

    @Override
    public OpenedSession openYaml(Caller caller, String org, byte[] yaml, Duration duration) {
        return open(yamlPath(org) + "/open", yaml, duration);
    }

    @Override
    public OpenedSession openEnvironment(Caller caller, EnvironmentRef environment, String version,
                                         Duration duration) {
        return open(versionPath(environment, version) + "/open", new byte[0], duration);
    }

    @Override
    public Environment readOpenEnvironment(Caller caller, EnvironmentRef environment, String sessionId) {
        return environment(path(environment) + "/open/" + segment(sessionId));
    }

    @Override
    public Value readOpenProperty(Caller caller, EnvironmentRef environment, String sessionId, String property) {
        return property(path(environment) + "/open/" + segment(sessionId), property);
    }

    @Override
    public Environment readOpenYaml(Caller caller, String org, String sessionId) {
        return environment(yamlPath(org) + "/open/" + segment(sessionId));
    }

    @Override
    public Value readOpenYamlProperty(Caller caller, String org, String sessionId, String property) {
        return property(yamlPath(org) + "/open/" + segment(sessionId), property);
    }

    // ---- plumbing

    private CheckResult check(String path, byte[] yaml, boolean showSecrets) {
        Map<String, String> query = ApiTransport.query();
        query.put("showSecrets", showSecrets ? "true" : null);
        JsonNode body = postYaml(path, query, yaml);
        return new CheckResult(WireShapes.checkedEnvironment(body), WireShapes.diagnostics(body));
    }

    private OpenedSession open(String path, byte[] yaml, Duration duration) {
        Map<String, String> query = ApiTransport.query();
        query.put("duration", duration == null ? null : Durations.format(duration));
        JsonNode body = postYaml(path, query, yaml);
        // The API does not say when a session ends; this is the client's estimate from what it asked for.
        Instant expires = Instant.now().plus(duration == null ? DEFAULT_OPEN : duration);
        return new OpenedSession(WireShapes.text(body, "id"), expires, WireShapes.diagnostics(body));
    }

    /** Check and open take the definition as YAML and answer JSON. */
    private JsonNode postYaml(String path, Map<String, String> query, byte[] yaml) {
        return json(transport.send("POST", path, query, yaml, Map.of("Content-Type", "application/x-yaml")));
    }

    private Environment environment(String path) {
        String text = transport.send("GET", path, ApiTransport.query(), null, Map.of()).text();
        return WireJsonReader.environment(text.isBlank() ? "{}" : text);
    }

    private Value property(String path, String property) {
        Map<String, String> query = ApiTransport.query();
        query.put("property", property);
        return WireJsonReader.value(transport.send("GET", path, query, null, Map.of()).text());
    }

    // ---- administration

    @Override
    public Page<OrgMember> listMembers(Caller caller, String org, String continuationToken, int count) {
        return admin.listMembers(org, continuationToken, count);
    }

    @Override
    public CreatedUser createUser(Caller caller, String org, NewUser user) {
        return admin.createUser(org, user);
    }

    @Override
    public void deleteUser(Caller caller, String org, String login) {
        admin.deleteUser(org, login);
    }

    @Override
    public OrgMember addMember(Caller caller, String org, String login, OrgRole role) {
        return admin.addMember(org, login, role);
    }

    @Override
    public OrgMember changeMemberRole(Caller caller, String org, String login, OrgRole role) {
        return admin.changeMemberRole(org, login, role);
    }

    @Override
    public void removeMember(Caller caller, String org, String login) {
        admin.removeMember(org, login);
    }

    @Override
    public NewAccessToken createToken(Caller caller, String description, Instant expires) {
        return admin.createToken(description, expires);
    }

    @Override
    public List<AccessTokenInfo> listTokens(Caller caller) {
        return admin.listTokens();
    }

    @Override
    public void revokeToken(Caller caller, String tokenId) {
        admin.revokeToken(tokenId);
    }

    @Override
    public Page<AuditEntry> listAuditEvents(Caller caller, String org, AuditQuery query) {
        return admin.listAuditEvents(org, query == null ? AuditQuery.newest() : query);
    }

    private EnvironmentDefinition definition(EnvironmentRef environment, String path) {
        ApiResponse response = transport.send("GET", path, ApiTransport.query(), null,
                Map.of("Accept", "application/x-yaml"));
        return new EnvironmentDefinition(environment, response.revision(), response.etag(), response.body());
    }

    private JsonNode get(String path, Map<String, String> query) {
        return transport.getJson(path, query);
    }

    private ApiResponse send(String method, String path, Map<String, String> query, JsonNode body) {
        return transport.sendJson(method, path, query, body);
    }

    private static JsonNode json(ApiResponse response) {
        return WireShapes.tree(response.body());
    }

    private static Map<String, String> page(String after, Integer count) {
        Map<String, String> query = ApiTransport.query();
        query.put("after", emptyToNull(after));
        query.put("count", count == null ? null : count.toString());
        return query;
    }

    private static String path(EnvironmentRef e) {
        return ENVIRONMENTS + "/" + segment(e.org()) + "/" + segment(e.project()) + "/" + segment(e.name());
    }

    /** The environment at {@code version} (a revision number or tag), or at its head when that is null. */
    private static String versionPath(EnvironmentRef e, String version) {
        return version == null ? path(e) : path(e) + "/versions/" + segment(version);
    }

    /** Where an organization checks and opens YAML that is not a stored environment. */
    private static String yamlPath(String org) {
        return ENVIRONMENTS + "/" + segment(org) + "/yaml";
    }

    private static String revisionTagPath(EnvironmentRef e, String tag) {
        return path(e) + "/versions/tags/" + segment(tag);
    }

    private static String tagPath(EnvironmentRef e, String tag) {
        return path(e) + "/tags/" + segment(tag);
    }

    private static String quoted(String etag) {
        return etag.startsWith("\"") || etag.startsWith("W/") ? etag : "\"" + etag + "\"";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
