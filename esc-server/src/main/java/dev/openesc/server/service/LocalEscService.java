package dev.openesc.server.service;

import dev.openesc.api.AccessTokenInfo;
import dev.openesc.api.AuditEntry;
import dev.openesc.api.AuditQuery;
import dev.openesc.api.Caller;
import dev.openesc.api.CheckResult;
import dev.openesc.api.CloneRequest;
import dev.openesc.api.CreatedUser;
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
import dev.openesc.api.Names;
import dev.openesc.api.NewAccessToken;
import dev.openesc.api.NewUser;
import dev.openesc.api.OpenedEnvironment;
import dev.openesc.api.OpenedSession;
import dev.openesc.api.OrgEnvironment;
import dev.openesc.api.OrgMember;
import dev.openesc.api.OrgMembership;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Page;
import dev.openesc.api.Permission;
import dev.openesc.api.Precondition;
import dev.openesc.api.UpdateResult;
import dev.openesc.api.UserInfo;
import dev.openesc.core.eval.ParsedDefinitions;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.value.Environment;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.server.crypto.CryptoException;
import dev.openesc.server.store.AuditAction;
import dev.openesc.server.store.AuditEvent;
import dev.openesc.server.store.CloneOptions;
import dev.openesc.server.store.Editor;
import dev.openesc.server.store.EnvironmentId;
import dev.openesc.server.store.EnvironmentInfo;
import dev.openesc.server.store.EnvironmentStore;
import dev.openesc.server.store.Membership;
import dev.openesc.server.store.Principal;
import dev.openesc.server.store.Revision;
import dev.openesc.server.store.Storage;
import dev.openesc.server.store.StoreException;
import dev.openesc.server.store.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link EscService} in-process, over the server's storage: what the REST layer adapts to HTTP and what
 * the CLI uses as its embedded backend.
 *
 * <p>Rights: callers are users with a role in each of their organizations; {@link AccessPolicy} says which
 * {@link Permission}s a role grants (by default members read, open and write, admins also administer).
 * Every operation checks its permission here, once. <b>A caller who is not a member of an organization
 * gets 404 (NotFound), worded exactly like a missing organization</b>, for everything in it: names of
 * organizations and environments do not leak to outsiders. A member lacking a permission gets 403
 * (Forbidden).
 *
 * <p>Secrets: plaintext {@code fn::secret} values are encrypted with the organization's data key before a
 * definition is stored; reading a definition shows ciphertext, decrypt and open show plaintext. Audit: the
 * store audits every write itself; this class audits opens, decrypts and token use.
 */
public final class LocalEscService implements EscService {

    /**
     * YAML kept parsed across requests, least recently used dropped first. Parsing is most of the cost of
     * an open that imports a few environments, and a revision's bytes never change, so an entry (found by
     * name and exact bytes, never by revision number alone) cannot be stale on any replica. Parsed, 4 MiB of
     * YAML takes a few tens of MiB of heap.
     */
    static final long PARSED_DEFINITION_BYTES = 4L << 20;

    private final Storage storage;
    private final EnvironmentStore environments;
    private final ProviderLoader providers;
    private final ServiceLimits limits;
    private final AccessControl access;
    private final EnvironmentCalls onEnvironment;
    private final RevisionReads revisions;
    private final Sessions sessions;
    private final TokenUseAudit tokenUse;
    private final Administration admin;
    private final ParsedDefinitions parsed = ParsedDefinitions.bounded(PARSED_DEFINITION_BYTES);

    public LocalEscService(Storage storage, ProviderLoader providers, AccessPolicy policy, ServiceLimits limits) {
        this.storage = storage;
        this.environments = storage.environments();
        this.providers = providers;
        this.limits = limits;
        this.access = new AccessControl(storage.identity(), policy);
        this.onEnvironment = new EnvironmentCalls(access);
        this.revisions = new RevisionReads(environments, access);
        this.sessions = new Sessions(storage.sessions());
        this.tokenUse = new TokenUseAudit(storage.audit(), storage.database().clock());
        this.admin = new Administration(storage, access);
    }

    /** No providers, the default access policy and limits. */
    public LocalEscService(Storage storage) {
        this(storage, ProviderLoader.none(), AccessPolicy.defaults(), ServiceLimits.defaults());
    }

    // ---- identity --------------------------------------------------------------------------------

    @Override
    public Caller authenticate(String token, String source) {
        if (token == null || token.isBlank()) {
            throw new EscException.Unauthorized("missing access token");
        }
        Principal principal = StoreCalls.call(() -> storage.identity().authenticate(token.strip()))
                .orElseThrow(() -> new EscException.Unauthorized("invalid, expired or revoked access token"));
        Caller caller = new Caller(principal.user().login(), principal.user().name(), principal.token().id(), source);
        StoreCalls.run(() -> tokenUse.used(caller));
        return caller;
    }

    /**
     * A caller for an existing user without a token: for in-process use (the CLI's embedded backend acts
     * for its local user). Unauthorized if there is no such user.
     */
    public Caller localCaller(String login) {
        User user = user(login);
        return new Caller(user.login(), user.name(), null, null);
    }

    // The identity reads below run at every CLI command's start, in plain code rather than lambdas and streams,
    // each of which would be linked by a bootstrap of its own on first use (docs/decisions.md 25).

    @Override
    public UserInfo currentUser(Caller caller) {
        User user = user(caller.login());
        List<OrgMembership> orgs = new ArrayList<>();
        for (Membership m : memberships(caller)) {
            orgs.add(new OrgMembership(m.org(), OrgRole.valueOf(m.role().name())));
        }
        return new UserInfo(user.login(), user.name(), user.email(), List.copyOf(orgs));
    }

    /** The organization the caller joined first (by name among those joined at the same time). */
    @Override
    public Optional<String> defaultOrganization(Caller caller) {
        Membership first = null;
        for (Membership m : memberships(caller)) {
            if (first == null || m.created().isBefore(first.created())
                    || m.created().equals(first.created()) && m.org().compareTo(first.org()) < 0) {
                first = m;
            }
        }
        return first == null ? Optional.empty() : Optional.of(first.org());
    }

    private User user(String login) {
        Optional<User> user;
        try {
            user = storage.identity().user(login);
        } catch (StoreException | CryptoException e) {
            throw StoreCalls.translated(e);
        }
        if (user.isEmpty()) {
            throw new EscException.Unauthorized("unknown user " + login);
        }
        return user.get();
    }

    private List<Membership> memberships(Caller caller) {
        try {
            return storage.identity().memberships(caller.login());
        } catch (StoreException | CryptoException e) {
            throw StoreCalls.translated(e);
        }
    }

    // ---- environments ----------------------------------------------------------------------------

    @Override
    public Page<OrgEnvironment> listEnvironments(Caller caller, String org, String continuationToken) {
        List<String> orgs;
        if (org == null) {
            orgs = memberships(caller).stream().map(Membership::org)
                    .filter(o -> access.permits(caller, o, Permission.READ)).toList();
        } else {
            access.require(caller, org, Permission.READ);
            orgs = List.of(org);
        }
        try {
            return ApiViews.page(StoreCalls.call(() -> environments.list(orgs, continuationToken, 0)),
                    ApiViews::environment);
        } catch (IllegalArgumentException e) {
            throw new EscException.InvalidRequest("invalid continuation token");
        }
    }

    @Override
    public OrgEnvironment createEnvironment(Caller caller, EnvironmentRef environment) {
        return ApiViews.environment(onEnvironment.call(caller, environment, Permission.WRITE,
                id -> environments.create(id, new byte[0], editor(caller))));
    }

    @Override
    public EnvironmentHead headEnvironment(Caller caller, EnvironmentRef environment) {
        EnvironmentId id = onEnvironment.require(caller, environment, Permission.READ);
        EnvironmentInfo info;
        try { // no lambda: every `esc env get` and `esc run` asks this at start (docs/decisions.md 25)
            info = environments.get(id);
        } catch (StoreException | CryptoException e) {
            throw StoreCalls.translated(e);
        }
        return new EnvironmentHead(environment, info.headRevision(), info.etag());
    }

    @Override
    public EnvironmentDefinition getDefinition(Caller caller, EnvironmentRef environment, String version) {
        Revision revision = revisions.readable(caller, environment, version, Permission.READ);
        return new EnvironmentDefinition(environment, revision.number(), revision.etag(), revision.definition());
    }

    @Override
    public EnvironmentDefinition decryptDefinition(Caller caller, EnvironmentRef environment, String version) {
        Revision revision = revisions.readable(caller, environment, version, Permission.OPEN);
        byte[] plain = DefinitionSecrets.decrypt(environment.qualifiedName(), revision.definition(),
                secrets(environment.org()));
        StoreCalls.run(() -> storage.audit().append(AuditEvent.of(caller.login(), AuditAction.ENVIRONMENT_DECRYPT,
                ApiViews.id(environment), revision.number(), caller.source(), null)));
        return new EnvironmentDefinition(environment, revision.number(), revision.etag(), plain);
    }

    @Override
    public UpdateResult updateEnvironment(Caller caller, EnvironmentRef environment, byte[] yaml,
                                          Precondition precondition) {
        access.require(caller, environment.org(), Permission.WRITE);
        requireSize(yaml);
        EnvironmentId id = ApiViews.id(environment);
        StoreCalls.call(() -> environments.get(id)); // NotFound before diagnostics about a missing environment
        Evaluation.Outcome checked = evaluation(caller, environment.org(), environment.qualifiedName())
                .check(yaml, false, false);
        byte[] stored = DefinitionSecrets.encrypt(environment.qualifiedName(), yaml, secrets(environment.org()));
        Editor editor = editor(caller);
        Revision written = StoreCalls.call(() -> {
            if (precondition instanceof Precondition.IfMatch ifMatch) {
                return environments.updateIfMatch(id, ifMatch.etag(), stored, editor);
            }
            long expected = precondition instanceof Precondition.AtRevision at
                    ? at.revision() : environments.get(id).headRevision();
            return environments.update(id, expected, stored, editor);
        });
        return new UpdateResult(environment, written.number(), written.etag(), checked.warnings());
    }

    @Override
    public void deleteEnvironment(Caller caller, EnvironmentRef environment) {
        onEnvironment.run(caller, environment, Permission.WRITE, id -> environments.delete(id, editor(caller)));
    }

    @Override
    public OrgEnvironment cloneEnvironment(Caller caller, EnvironmentRef source, CloneRequest request) {
        return ApiViews.environment(onEnvironment.call(caller, source, Permission.WRITE, id -> {
            EnvironmentRef target = new EnvironmentRef(source.org(), request.project(), request.name());
            if (request.version() != null && request.version() < 1) {
                throw new EscException.NotFound("revision " + request.version() + " of " + source + " not found");
            }
            CloneOptions options = new CloneOptions(ApiViews.id(target), request.version(),
                    request.preserveHistory(), request.preserveEnvironmentTags(), request.preserveRevisionTags());
            return environments.clone(id, options, editor(caller));
        }));
    }

    // ---- settings ---------------------------------------------------------------------------------

    @Override
    public EnvironmentSettings getEnvironmentSettings(Caller caller, EnvironmentRef environment) {
        return new EnvironmentSettings(onEnvironment.call(caller, environment, Permission.READ,
                id -> environments.protection().isOn(id)));
    }

    @Override
    public EnvironmentSettings updateEnvironmentSettings(Caller caller, EnvironmentRef environment,
                                                         EnvironmentSettingsChange change) {
        return new EnvironmentSettings(onEnvironment.call(caller, environment, Permission.WRITE, id -> {
            if (change == null || change.isEmpty()) {
                return environments.protection().isOn(id);
            }
            environments.protection().set(id, change.deletionProtected(), editor(caller));
            return change.deletionProtected();
        }));
    }

    // ---- revisions and revision tags --------------------------------------------------------------

    @Override
    public List<EnvironmentRevision> listRevisions(Caller caller, EnvironmentRef environment, Long before,
                                                   Integer count) {
        return onEnvironment.call(caller, environment, Permission.READ,
                        id -> environments.revisions(id, before, ApiViews.count(count)))
                .stream().map(ApiViews::revision).toList();
    }

    @Override
    public Page<EnvironmentRevisionTag> listRevisionTags(Caller caller, EnvironmentRef environment, String after,
                                                         Integer count) {
        return ApiViews.page(onEnvironment.call(caller, environment, Permission.READ,
                id -> environments.revisionTags().list(id, after, ApiViews.count(count))), ApiViews::revisionTag);
    }

    @Override
    public EnvironmentRevisionTag getRevisionTag(Caller caller, EnvironmentRef environment, String tag) {
        return ApiViews.revisionTag(onEnvironment.call(caller, environment, Permission.READ,
                id -> environments.revisionTags().get(id, Names.requireRevisionTag(tag))));
    }

    @Override
    public EnvironmentRevisionTag createRevisionTag(Caller caller, EnvironmentRef environment, String tag,
                                                    Long revision) {
        return ApiViews.revisionTag(onEnvironment.call(caller, environment, Permission.WRITE, id ->
                environments.revisionTags().create(id, Names.requireRevisionTag(tag), revision, editor(caller))));
    }

    @Override
    public EnvironmentRevisionTag updateRevisionTag(Caller caller, EnvironmentRef environment, String tag,
                                                    long revision) {
        return ApiViews.revisionTag(onEnvironment.call(caller, environment, Permission.WRITE, id ->
                environments.revisionTags().update(id, Names.requireRevisionTag(tag), revision, editor(caller))));
    }

    @Override
    public void deleteRevisionTag(Caller caller, EnvironmentRef environment, String tag) {
        onEnvironment.run(caller, environment, Permission.WRITE,
                id -> environments.revisionTags().delete(id, Names.requireRevisionTag(tag), editor(caller)));
    }

    @Override
    public void retractRevision(Caller caller, EnvironmentRef environment, String version, Long replacement,
                                String reason) {
        onEnvironment.run(caller, environment, Permission.WRITE, id -> {
            String normalized = Versions.normalize(version);
            EnvironmentInfo info = environments.get(id);
            long number = normalized.chars().allMatch(Character::isDigit) ? Long.parseLong(normalized)
                    : environments.revisionTags().get(id, normalized).revision();
            if (number == info.headRevision()) {
                throw new EscException.InvalidRequest("revision " + number + " is the latest revision of "
                        + environment + " and cannot be retracted; update the environment first");
            }
            String why = reason == null || reason.isBlank() ? null : reason;
            environments.retractions().retract(id, number, replacement, why, editor(caller));
        });
    }

    // ---- environment tags -------------------------------------------------------------------------

    @Override
    public Page<EnvironmentTag> listEnvironmentTags(Caller caller, EnvironmentRef environment, String after,
                                                    Integer count) {
        return ApiViews.page(onEnvironment.call(caller, environment, Permission.READ,
                id -> environments.tags().list(id, after, ApiViews.count(count))), ApiViews::environmentTag);
    }

    @Override
    public EnvironmentTag getEnvironmentTag(Caller caller, EnvironmentRef environment, String name) {
        return ApiViews.environmentTag(onEnvironment.call(caller, environment, Permission.READ,
                id -> environments.tags().get(id, Names.requireEnvironmentTag(name))));
    }

    @Override
    public EnvironmentTag createEnvironmentTag(Caller caller, EnvironmentRef environment, String name, String value) {
        return ApiViews.environmentTag(onEnvironment.call(caller, environment, Permission.WRITE,
                id -> environments.tags().create(id, Names.requireEnvironmentTag(name),
                        Names.requireEnvironmentTagValue(value), editor(caller))));
    }

    @Override
    public EnvironmentTag updateEnvironmentTag(Caller caller, EnvironmentRef environment, String name,
                                               String currentValue, String newName, String newValue) {
        return ApiViews.environmentTag(onEnvironment.call(caller, environment, Permission.WRITE, id -> {
            Names.requireEnvironmentTag(name);
            Names.requireEnvironmentTag(newName);
            Names.requireEnvironmentTagValue(newValue);
            return environments.tags().update(id, name, currentValue, newName, newValue, editor(caller));
        }));
    }

    @Override
    public void deleteEnvironmentTag(Caller caller, EnvironmentRef environment, String name) {
        onEnvironment.run(caller, environment, Permission.WRITE,
                id -> environments.tags().delete(id, Names.requireEnvironmentTag(name), editor(caller)));
    }

    // ---- check and open ---------------------------------------------------------------------------

    @Override
    public CheckResult checkYaml(Caller caller, String org, byte[] yaml, boolean showSecrets) {
        access.require(caller, org, showSecrets ? Permission.OPEN : Permission.READ);
        requireSize(yaml);
        Evaluation.Outcome outcome = evaluation(caller, org, ExecContext.ANONYMOUS_ENVIRONMENT)
                .check(yaml, showSecrets, true);
        return new CheckResult(outcome.environment(), outcome.warnings());
    }

    @Override
    public CheckResult checkEnvironment(Caller caller, EnvironmentRef environment, String version,
                                        boolean showSecrets) {
        Revision revision = revisions.readable(caller, environment, version, showSecrets ? Permission.OPEN : Permission.READ);
        Evaluation.Outcome outcome = evaluation(caller, environment.org(), environment.qualifiedName())
                .check(revision.definition(), showSecrets, true);
        return new CheckResult(outcome.environment(), outcome.warnings());
    }

    @Override
    public OpenedSession openYaml(Caller caller, String org, byte[] yaml, Duration duration) {
        access.require(caller, org, Permission.OPEN);
        requireSize(yaml);
        Duration granted = sessions.grant(duration);
        Evaluation.Outcome opened = evaluation(caller, org, ExecContext.ANONYMOUS_ENVIRONMENT).open(yaml);
        return sessions.open(caller, org, null, null, opened, granted);
    }

    @Override
    public OpenedSession openEnvironment(Caller caller, EnvironmentRef environment, String version,
                                         Duration duration) {
        Opening o = opening(caller, environment, version, duration);
        return sessions.open(caller, environment.org(), environment, o.revision(), o.outcome(), o.granted());
    }

    /** An environment's revision evaluated for a session of the granted duration, not stored yet. */
    private record Opening(Long revision, Evaluation.Outcome outcome, Duration granted) {
    }

    private Opening opening(Caller caller, EnvironmentRef environment, String version, Duration duration) {
        access.require(caller, environment.org(), Permission.OPEN);
        Duration granted = sessions.grant(duration);
        Revision revision = revisions.revision(environment, version);
        Evaluation.Outcome opened = evaluation(caller, environment.org(), environment.qualifiedName())
                .open(revision.definition());
        return new Opening(revision.number(), opened, granted);
    }

    /**
     * The same session stored and audited as {@link #openEnvironment}; the environment is decoded from the payload
     * just stored instead of read back and decrypted.
     */
    @Override
    public OpenedEnvironment openEnvironmentAndRead(Caller caller, EnvironmentRef environment, String version,
                                                    Duration duration) {
        Opening o = opening(caller, environment, version, duration);
        return sessions.openAndRead(caller, environment.org(), environment, o.revision(), o.outcome(), o.granted());
    }

    /**
     * What {@link #openEnvironmentAndRead} gives, for a caller that uses the environment in this process and
     * hands it to no one (the CLI's local backend, for {@code esc run} and {@code esc open}): the open is checked
     * and audited exactly as there, but no session is stored or encrypted, so the session's id reads as not found
     * (docs/decisions.md 17). The server's routes never call this.
     */
    public OpenedEnvironment openEnvironmentInProcess(Caller caller, EnvironmentRef environment, String version,
                                                      Duration duration) {
        Opening o = opening(caller, environment, version, duration);
        return sessions.openInProcess(caller, environment.org(), environment, o.revision(), o.outcome(),
                o.granted());
    }

    @Override
    public Environment readOpenEnvironment(Caller caller, EnvironmentRef environment, String sessionId) {
        access.require(caller, environment.org(), Permission.OPEN);
        return sessions.read(caller, environment.org(), environment, sessionId);
    }

    @Override
    public String readOpenEnvironmentJson(Caller caller, EnvironmentRef environment, String sessionId) {
        access.require(caller, environment.org(), Permission.OPEN);
        return sessions.readJson(caller, environment.org(), environment, sessionId);
    }

    @Override
    public Value readOpenProperty(Caller caller, EnvironmentRef environment, String sessionId, String property) {
        return PropertyLookup.find(readOpenEnvironment(caller, environment, sessionId), property);
    }

    @Override
    public Environment readOpenYaml(Caller caller, String org, String sessionId) {
        access.require(caller, org, Permission.OPEN);
        return sessions.read(caller, org, null, sessionId);
    }

    @Override
    public Value readOpenYamlProperty(Caller caller, String org, String sessionId, String property) {
        return PropertyLookup.find(readOpenYaml(caller, org, sessionId), property);
    }

    // ---- administration ---------------------------------------------------------------------------

    @Override
    public Page<OrgMember> listMembers(Caller caller, String org, String continuationToken, int count) {
        return admin.listMembers(caller, org, continuationToken, count);
    }

    @Override
    public CreatedUser createUser(Caller caller, String org, NewUser user) {
        return admin.createUser(caller, org, user);
    }

    @Override
    public void deleteUser(Caller caller, String org, String login) {
        admin.deleteUser(caller, org, login);
    }

    @Override
    public OrgMember addMember(Caller caller, String org, String login, OrgRole role) {
        return admin.addMember(caller, org, login, role);
    }

    @Override
    public OrgMember changeMemberRole(Caller caller, String org, String login, OrgRole role) {
        return admin.changeMemberRole(caller, org, login, role);
    }

    @Override
    public void removeMember(Caller caller, String org, String login) {
        admin.removeMember(caller, org, login);
    }

    @Override
    public NewAccessToken createToken(Caller caller, String description, Instant expires) {
        return admin.createToken(caller, description, expires);
    }

    @Override
    public List<AccessTokenInfo> listTokens(Caller caller) {
        return admin.listTokens(caller);
    }

    @Override
    public void revokeToken(Caller caller, String tokenId) {
        admin.revokeToken(caller, tokenId);
    }

    @Override
    public Page<AuditEntry> listAuditEvents(Caller caller, String org, AuditQuery query) {
        return admin.listAuditEvents(caller, org, query);
    }

    // ---- shared -----------------------------------------------------------------------------------

    private Evaluation evaluation(Caller caller, String org, String name) {
        OrgSecrets secrets = secrets(org);
        return new Evaluation(name, org, caller, secrets, providers,
                new OrgEnvironmentLoader(environments, org, secrets), parsed);
    }

    private OrgSecrets secrets(String org) {
        return new OrgSecrets(storage.keyring(), org);
    }

    private void requireSize(byte[] yaml) {
        if (yaml == null) {
            throw new EscException.InvalidRequest("missing definition");
        }
        if (yaml.length > limits.maxDefinitionBytes()) {
            throw new EscException.TooLarge("the definition has " + yaml.length + " bytes, at most "
                    + limits.maxDefinitionBytes() + " are accepted");
        }
    }

    private static Editor editor(Caller caller) {
        return new Editor(caller.login(), caller.name(), caller.source());
    }
}
