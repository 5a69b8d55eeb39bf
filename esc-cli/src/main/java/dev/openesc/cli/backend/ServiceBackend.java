package dev.openesc.cli.backend;

import dev.openesc.api.AccessTokenInfo;
import dev.openesc.api.AuditEntry;
import dev.openesc.api.AuditQuery;
import dev.openesc.api.Caller;
import dev.openesc.api.CheckResult;
import dev.openesc.api.CloneRequest;
import dev.openesc.api.CreatedUser;
import dev.openesc.api.EnvironmentDefinition;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EnvironmentRevisionTag;
import dev.openesc.api.EnvironmentSettings;
import dev.openesc.api.EnvironmentSettingsChange;
import dev.openesc.api.EnvironmentTag;
import dev.openesc.api.EscException;
import dev.openesc.api.EscService;
import dev.openesc.api.NewAccessToken;
import dev.openesc.api.NewUser;
import dev.openesc.api.OpenedEnvironment;
import dev.openesc.api.OpenedSession;
import dev.openesc.api.OrgEnvironment;
import dev.openesc.api.OrgMember;
import dev.openesc.api.OrgMembership;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Page;
import dev.openesc.api.Precondition;
import dev.openesc.api.UserInfo;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link Backend} over an {@link EscService}, in-process or over HTTP, acting for one caller. The service's
 * exceptions become {@link BackendException}s here and nowhere else.
 */
public final class ServiceBackend implements Backend {
    private final EscService service;
    private final Caller caller;
    private final String url;
    private final Runnable onClose;
    private final java.util.function.Consumer<String> orgProvisioner;
    private final String preferredOrg;
    private final Opener opener;
    private Account account;

    /** How {@link #open} opens an environment to use it at once. */
    @FunctionalInterface
    public interface Opener {
        OpenedEnvironment open(Caller caller, EnvironmentRef environment, String version, Duration lifetime);
    }

    /**
     * @param url where the service is, as the user named it (for messages)
     * @param onClose releases what the service holds (the local database), run once by {@link #close()}
     */
    public ServiceBackend(EscService service, Caller caller, String url, Runnable onClose) {
        this(service, caller, url, onClose, org -> { }, null);
    }

    /**
     * @param orgProvisioner called with the organization of an environment about to be created: the local backend
     *     creates organizations on first use, a server does not
     */
    public ServiceBackend(EscService service, Caller caller, String url, Runnable onClose,
            java.util.function.Consumer<String> orgProvisioner, String preferredOrg) {
        this(service, caller, url, onClose, orgProvisioner, preferredOrg, service::openEnvironmentAndRead);
    }

    /**
     * @param opener how {@link #open} opens: the local backend opens in-process, storing no session
     *     (docs/decisions.md 17)
     */
    public ServiceBackend(EscService service, Caller caller, String url, Runnable onClose,
            java.util.function.Consumer<String> orgProvisioner, String preferredOrg, Opener opener) {
        this.opener = opener;
        this.service = service;
        this.caller = caller;
        this.url = url;
        this.onClose = onClose;
        this.orgProvisioner = orgProvisioner;
        this.preferredOrg = preferredOrg;
    }

    @Override
    public Account account() {
        if (account == null) {
            UserInfo user;
            String def;
            try {
                user = service.currentUser(caller);
                def = preferredOrg != null ? preferredOrg : service.defaultOrganization(caller).orElse(null);
            } catch (EscException e) {
                throw failure(e);
            }
            List<String> orgs = new ArrayList<>();
            if (def != null) {
                orgs.add(def);
            }
            for (OrgMembership m : user.organizations()) {
                if (!orgs.contains(m.organization())) {
                    orgs.add(m.organization());
                }
            }
            // No organization at all is shown as such: the login is not an organization on a server.
            account = new Account(user.login(), orgs, url);
        }
        return account;
    }

    @Override
    public List<EnvironmentName> listEnvironments(String org) {
        List<EnvironmentName> out = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            Page<OrgEnvironment> page = call(() -> service.listEnvironments(caller, org, t));
            for (OrgEnvironment e : page.items()) {
                out.add(new EnvironmentName(e.organization(), e.project(), e.name()));
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return out;
    }

    @Override
    public boolean exists(EnvironmentName name) {
        try {
            service.headEnvironment(caller, ref(name));
            return true;
        } catch (EscException e) {
            return false;
        }
    }

    @Override
    public void create(EnvironmentName name, byte[] yaml) {
        orgProvisioner.accept(name.org());
        account = null;
        call(() -> service.createEnvironment(caller, ref(name)));
        if (yaml.length != 0) {
            update(name, yaml, null);
        }
    }

    @Override
    public Definition definition(EnvironmentName name, String version, boolean showSecrets) {
        String v = blankToNull(version);
        EnvironmentRef ref = ref(name);
        EnvironmentDefinition d;
        try {
            d = showSecrets ? service.decryptDefinition(caller, ref, v) : service.getDefinition(caller, ref, v);
        } catch (EscException e) {
            throw failure(e);
        }
        return new Definition(d.yaml(), d.etag(), d.revision());
    }

    @Override
    public List<Diagnostic> update(EnvironmentName name, byte[] yaml, String etag) {
        try {
            return call(() -> service.updateEnvironment(caller, ref(name), yaml,
                    etag == null ? Precondition.none() : Precondition.etag(etag))).warnings();
        } catch (EvaluationErrors e) {
            return e.diagnostics;
        }
    }

    @Override
    public void delete(EnvironmentName name) {
        run(() -> service.deleteEnvironment(caller, ref(name)));
    }

    @Override
    public EnvironmentSettings settings(EnvironmentName name) {
        return call(() -> service.getEnvironmentSettings(caller, ref(name)));
    }

    @Override
    public EnvironmentSettings updateSettings(EnvironmentName name, EnvironmentSettingsChange change) {
        return call(() -> service.updateEnvironmentSettings(caller, ref(name), change));
    }

    @Override
    public Checked check(String org, String envName, byte[] yaml, boolean showSecrets) {
        if (yaml.length == 0) {
            return new Checked(null, List.of());
        }
        CheckResult r;
        try {
            r = service.checkYaml(caller, org, yaml, showSecrets);
        } catch (EscException.EvaluationFailed e) {
            return new Checked(e.environment(), e.diagnostics());
        } catch (EscException e) {
            throw failure(e);
        }
        return new Checked(r.environment(), r.diagnostics());
    }

    @Override
    public Checked open(EnvironmentName name, String version, Duration lifetime) {
        String v = blankToNull(version);
        EnvironmentRef ref = ref(name);
        OpenedEnvironment opened;
        try {
            opened = opener.open(caller, ref, v, lifetime);
        } catch (EscException.EvaluationFailed e) {
            return new Checked(null, e.diagnostics());
        } catch (EscException e) {
            throw failure(e);
        }
        OpenedSession session = opened.session();
        Environment env = opened.environment();
        if (env != null && env.properties() == null && env.exprs() == null) {
            env = null;
        }
        return new Checked(env, session.diagnostics());
    }

    @Override
    public List<Revision> revisions(EnvironmentName name) {
        List<Revision> out = new ArrayList<>();
        Long before = null;
        while (true) {
            Long b = before;
            var page = call(() -> service.listRevisions(caller, ref(name), b, null));
            if (page.isEmpty()) {
                return out;
            }
            page.forEach(r -> out.add(new Revision(r.number(), r.created(), r.creatorLogin(), r.creatorName(),
                    r.tags(), r.retracted())));
            before = page.get(page.size() - 1).number();
            if (before <= 1) {
                return out;
            }
        }
    }

    @Override
    public List<Tag> revisionTags(EnvironmentName name) {
        return pages(after -> service.listRevisionTags(caller, ref(name), after, null), ServiceBackend::tag,
                EnvironmentRevisionTag::name);
    }

    @Override
    public Tag revisionTag(EnvironmentName name, String tag) {
        return tag(call(() -> service.getRevisionTag(caller, ref(name), tag)));
    }

    @Override
    public void createRevisionTag(EnvironmentName name, String tag, Long revision) {
        call(() -> service.createRevisionTag(caller, ref(name), tag, revision));
    }

    @Override
    public void updateRevisionTag(EnvironmentName name, String tag, long revision) {
        call(() -> service.updateRevisionTag(caller, ref(name), tag, revision));
    }

    @Override
    public void deleteRevisionTag(EnvironmentName name, String tag) {
        run(() -> service.deleteRevisionTag(caller, ref(name), tag));
    }

    @Override
    public List<EnvTag> environmentTags(EnvironmentName name) {
        return pages(after -> service.listEnvironmentTags(caller, ref(name), after, null), ServiceBackend::envTag,
                EnvironmentTag::name);
    }

    @Override
    public EnvTag environmentTag(EnvironmentName name, String tag) {
        return envTag(call(() -> service.getEnvironmentTag(caller, ref(name), tag)));
    }

    @Override
    public EnvTag createEnvironmentTag(EnvironmentName name, String tag, String value) {
        return envTag(call(() -> service.createEnvironmentTag(caller, ref(name), tag, value)));
    }

    @Override
    public EnvTag updateEnvironmentTag(EnvironmentName name, String tag, String newName, String newValue) {
        return envTag(call(() -> service.updateEnvironmentTag(caller, ref(name), tag, null, newName, newValue)));
    }

    @Override
    public void deleteEnvironmentTag(EnvironmentName name, String tag) {
        run(() -> service.deleteEnvironmentTag(caller, ref(name), tag));
    }

    @Override
    public void clone(EnvironmentName source, String version, String project, String env, CloneOptions options) {
        Long v = null;
        if (version != null && !version.isEmpty()) {
            v = version.chars().allMatch(Character::isDigit) ? Long.valueOf(version)
                    : revisionTag(source, version).revision();
        }
        Long revision = v;
        call(() -> service.cloneEnvironment(caller, ref(source), new CloneRequest(project, env, revision,
                options.history(), options.access(), options.environmentTags(), options.revisionTags())));
    }

    @Override
    public void retract(EnvironmentName name, String version, Long replacement, String reason) {
        run(() -> service.retractRevision(caller, ref(name), version, replacement, reason));
    }

    @Override
    public List<OrgMember> members(String org) {
        return call(() -> service.listMembers(caller, org));
    }

    @Override
    public OrgMember setMember(String org, String login, OrgRole role) {
        boolean member = call(() -> service.listMembers(caller, org)).stream().anyMatch(m -> m.login().equals(login));
        return call(() -> member ? service.changeMemberRole(caller, org, login, role)
                : service.addMember(caller, org, login, role));
    }

    @Override
    public void removeMember(String org, String login) {
        run(() -> service.removeMember(caller, org, login));
    }

    @Override
    public CreatedUser createUser(String org, NewUser user) {
        return call(() -> service.createUser(caller, org, user));
    }

    @Override
    public void deleteUser(String org, String login) {
        run(() -> service.deleteUser(caller, org, login));
    }

    @Override
    public NewAccessToken createToken(String description, java.time.Instant expires) {
        return call(() -> service.createToken(caller, description, expires));
    }

    @Override
    public List<AccessTokenInfo> tokens() {
        return call(() -> service.listTokens(caller));
    }

    @Override
    public void revokeToken(String id) {
        run(() -> service.revokeToken(caller, id));
    }

    @Override
    public Page<AuditEntry> auditEvents(String org, AuditQuery query) {
        return call(() -> service.listAuditEvents(caller, org, query));
    }

    @Override
    public void close() {
        onClose.run();
    }

    private EnvironmentRef ref(EnvironmentName name) {
        try {
            return new EnvironmentRef(name.org(), name.project(), name.env());
        } catch (EscException e) {
            throw failure(e);
        }
    }

    private static Tag tag(EnvironmentRevisionTag t) {
        return new Tag(t.name(), t.revision(), t.created(), t.modified(), t.editorLogin(), t.editorName());
    }

    private static EnvTag envTag(EnvironmentTag t) {
        return new EnvTag(t.name(), t.value(), t.created(), t.modified(), t.editorLogin());
    }

    private <T, R> List<R> pages(Function<String, Page<T>> fetch, Function<T, R> map,
            Function<T, String> name) {
        List<R> out = new ArrayList<>();
        String after = null;
        while (true) {
            String a = after;
            Page<T> page = call(() -> fetch.apply(a));
            page.items().forEach(t -> out.add(map.apply(t)));
            if (!page.hasMore() || page.items().isEmpty()) {
                return out;
            }
            after = name.apply(page.items().get(page.items().size() - 1));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private interface ServiceCall<T> {
        T call();
    }

    private void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Whether the service is a server over HTTP (not the embedded one), whose failures name its URL. */
    private boolean remote() {
        return url != null && (url.startsWith("http://") || url.startsWith("https://"));
    }

    /**
     * A call to the service with its failures made the CLI's. The calls every command makes at start (the account,
     * the definition, the check, the open) are written as {@code try} blocks with {@link #failure} instead: each
     * lambda is linked by a bootstrap of its own the first time it runs (docs/decisions.md 25).
     */
    private <T> T call(ServiceCall<T> c) {
        try {
            return c.call();
        } catch (EscException e) {
            throw failure(e);
        }
    }

    /** The one place where the service's failures become the CLI's. */
    private RuntimeException failure(EscException e) {
        if (e instanceof EscException.EvaluationFailed f) {
            return new EvaluationErrors(f.diagnostics(), f.environment());
        } else if (e instanceof EscException.NotFound) {
            return new BackendException(BackendException.Kind.NOT_FOUND, ReferenceWording.notFound(e.getMessage()), e);
        } else if (e instanceof EscException.DeletionProtected) {
            return new BackendException(BackendException.Kind.DELETION_PROTECTED, e.getMessage(), e);
        } else if (e instanceof EscException.Conflict) {
            return new BackendException(BackendException.Kind.CONFLICT, ReferenceWording.conflict(e.getMessage()), e);
        } else if (e instanceof EscException.Forbidden) {
            return new BackendException(BackendException.Kind.FORBIDDEN, e.getMessage(), e);
        } else if (e instanceof EscException.Unauthorized) {
            return remote() ? ServerProblems.loginExpired(url, e)
                    : new BackendException(BackendException.Kind.UNAUTHORIZED, e.getMessage(), e);
        } else if (e instanceof EscException.InvalidRequest) {
            return new BackendException(BackendException.Kind.INVALID, e.getMessage(), e);
        } else if (e instanceof EscException.Unavailable u) {
            return remote() ? ServerProblems.unreachable(url, u)
                    : new BackendException(BackendException.Kind.UNAVAILABLE, e.getMessage(), e);
        }
        return new BackendException(BackendException.Kind.OTHER, e.getMessage(), e);
    }

    /** Diagnostics of a definition that does not evaluate: data for the commands, not a failure of the call. */
    private static final class EvaluationErrors extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Diagnostic> diagnostics;
        private final transient Environment environment;

        EvaluationErrors(List<Diagnostic> diagnostics, Environment environment) {
            super("evaluation failed", null, false, false);
            this.diagnostics = diagnostics;
            this.environment = environment;
        }
    }
}
