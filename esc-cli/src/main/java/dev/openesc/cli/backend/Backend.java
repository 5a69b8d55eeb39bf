package dev.openesc.cli.backend;

import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.Environment;
import java.time.Duration;
import java.util.List;

/**
 * What the {@code esc} commands need from ESC, whichever backend serves it: the embedded local service or a server
 * the user is logged in to. Failures the user can act on (not found, conflict, forbidden) are thrown as
 * {@link BackendException}; problems in a definition come back as diagnostics.
 */
public interface Backend extends AutoCloseable {

    /** The caller: user login and the organizations it belongs to (the first one is the default). */
    Account account();

    /** Every environment of {@code org}, or of every org of the caller when {@code org} is null, sorted by name. */
    List<EnvironmentName> listEnvironments(String org);

    boolean exists(EnvironmentName name);

    void create(EnvironmentName name, byte[] yaml);

    /** The definition at {@code version} (null or "latest" for the newest), secrets decrypted when asked. */
    Definition definition(EnvironmentName name, String version, boolean showSecrets);

    /** Replaces the definition; diagnostics (and no change) when it does not check. */
    List<Diagnostic> update(EnvironmentName name, byte[] yaml, String etag);

    /** Deletes an environment; a {@link BackendException.Kind#DELETION_PROTECTED} failure if it is protected. */
    void delete(EnvironmentName name);

    /** The environment's settings (deletion protection). */
    dev.openesc.api.EnvironmentSettings settings(EnvironmentName name);

    /** Changes the settings the change names; answers all of them as stored. */
    dev.openesc.api.EnvironmentSettings updateSettings(EnvironmentName name,
            dev.openesc.api.EnvironmentSettingsChange change);

    /** Checks a definition against {@code org}'s environments without saving it: values with unknowns for opens. */
    Checked check(String org, String envName, byte[] yaml, boolean showSecrets);

    /** Opens an environment: providers run, secrets are decrypted. */
    Checked open(EnvironmentName name, String version, Duration lifetime);

    List<Revision> revisions(EnvironmentName name);

    /** Revision tags sorted by name, {@code latest} included. */
    List<Tag> revisionTags(EnvironmentName name);

    Tag revisionTag(EnvironmentName name, String tag);

    /** Tags a revision (null: the latest). */
    void createRevisionTag(EnvironmentName name, String tag, Long revision);

    void updateRevisionTag(EnvironmentName name, String tag, long revision);

    void deleteRevisionTag(EnvironmentName name, String tag);

    /** Environment tags (name/value labels) sorted by name. */
    List<EnvTag> environmentTags(EnvironmentName name);

    EnvTag environmentTag(EnvironmentName name, String tag);

    EnvTag createEnvironmentTag(EnvironmentName name, String tag, String value);

    EnvTag updateEnvironmentTag(EnvironmentName name, String tag, String newName, String newValue);

    void deleteEnvironmentTag(EnvironmentName name, String tag);

    /** Copies an environment (at {@code version}, null for the latest) under a new name in the same org. */
    void clone(EnvironmentName source, String version, String project, String env, CloneOptions options);

    /** Retracts a revision; its tags move to {@code replacement} (null: the newest earlier one not retracted). */
    void retract(EnvironmentName name, String version, Long replacement, String reason);

    /** The members of {@code org} (admins only). */
    List<dev.openesc.api.OrgMember> members(String org);

    /** Adds an existing user to {@code org}, or changes the role of a member. */
    dev.openesc.api.OrgMember setMember(String org, String login, dev.openesc.api.OrgRole role);

    void removeMember(String org, String login);

    /** Creates a user straight into {@code org} (admins only), with a first token when the request asks. */
    dev.openesc.api.CreatedUser createUser(String org, dev.openesc.api.NewUser user);

    /** Deletes a user with their memberships and tokens (an admin of every org of theirs only). */
    void deleteUser(String org, String login);

    /** A new access token of the caller; its secret is in the answer only. */
    dev.openesc.api.NewAccessToken createToken(String description, java.time.Instant expires);

    List<dev.openesc.api.AccessTokenInfo> tokens();

    void revokeToken(String id);

    /** One page of {@code org}'s audit log, newest first. */
    dev.openesc.api.Page<dev.openesc.api.AuditEntry> auditEvents(String org, dev.openesc.api.AuditQuery query);

    @Override
    void close();

    /** The caller of a backend. */
    record Account(String user, List<String> orgs, String url) {
        public Account {
            orgs = List.copyOf(orgs);
        }

        /**
         * The organization of names that give none: the first of the caller's. A server user who belongs to no
         * organization (say an admin who left their last one) has none, and naming one is the only way on.
         */
        public String defaultOrg() {
            if (orgs.isEmpty()) {
                throw new dev.openesc.cli.EscException(user + " is not a member of any organization: name one, as "
                        + "<org-name>/<project-name>/<environment-name> or with --org");
            }
            return orgs.get(0);
        }

        public boolean hasDefaultOrg() {
            return !orgs.isEmpty();
        }
    }

    /** A definition and the revision it is. */
    record Definition(byte[] yaml, String etag, long revision) {}

    /** The result of checking or opening: an environment (null when diagnostics have errors) and diagnostics. */
    record Checked(Environment environment, List<Diagnostic> diagnostics) {
        public Checked {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** One revision of an environment; {@code retracted} is null unless it was retracted. */
    record Revision(long number, java.time.Instant created, String creatorLogin, String creatorName,
            List<String> tags, dev.openesc.api.RevisionRetraction retracted) {
        public Revision(long number, java.time.Instant created, String creatorLogin, String creatorName,
                List<String> tags) {
            this(number, created, creatorLogin, creatorName, tags, null);
        }
    }

    /** What a clone keeps of its source. */
    record CloneOptions(boolean history, boolean environmentTags, boolean revisionTags, boolean access) {}

    /** A name/value label on an environment. */
    record EnvTag(String name, String value, java.time.Instant created, java.time.Instant modified,
            String editorLogin) {}

    /** A tag on a revision. */
    record Tag(String name, long revision, java.time.Instant created, java.time.Instant modified, String editorLogin,
            String editorName) {}
}
