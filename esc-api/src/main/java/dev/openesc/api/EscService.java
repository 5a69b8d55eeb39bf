package dev.openesc.api;

import dev.openesc.core.value.Environment;
import dev.openesc.core.value.Value;
import dev.openesc.core.value.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every operation of the ESC API ({@code /work/shared/api/CONTRACT.md}), one method each. The server
 * implements it in-process; the HTTP client implements it over the REST API, which is a thin adapter
 * onto this interface. So that adapter stays thin, implementations check names, rights and
 * preconditions themselves, audit what needs auditing, and fail only with {@link EscException}s.
 *
 * <p>Conventions: every method but {@link #authenticate} takes the {@link Caller} first. Names are
 * validated with {@link Names} ({@link EscException.InvalidRequest}). An organization the caller is not a
 * member of reads as not found ({@link EscException.NotFound}), exactly like one that does not exist, so
 * that organization and environment names do not leak; a member lacking a permission gets
 * {@link EscException.Forbidden}. {@code version} parameters name a revision by number ({@code "3"}) or
 * by revision tag ({@code "latest"}, {@code "prod"}); null means the latest. Nullable page sizes
 * ({@code count}) mean the default page; {@code after}/{@code before}/tokens are null or empty from the
 * start.
 */
public interface EscService {

    // ---- identity --------------------------------------------------------------------------------

    /**
     * Who presents this access token. The use is audited.
     *
     * @param token  the token text ({@code Authorization: token <TOKEN>}), or null if none was given
     * @param source the client's address, or null
     * @throws EscException.Unauthorized if the token is missing, unknown, revoked or expired
     */
    Caller authenticate(String token, String source);

    /** The caller with their organizations ({@code GET /api/user}). */
    UserInfo currentUser(Caller caller);

    /** The caller's default organization ({@code GET /api/user/organizations/default}); empty if none. */
    Optional<String> defaultOrganization(Caller caller);

    // ---- environments ----------------------------------------------------------------------------

    /**
     * Environments ordered by organization, project and name.
     *
     * @param org the organization, or null for every organization of the caller
     *            ({@code GET /api/esc/environments})
     * @param continuationToken a previous page's {@code nextToken}, or null/empty
     */
    Page<OrgEnvironment> listEnvironments(Caller caller, String org, String continuationToken);

    /** Creates the environment at revision 1 with an empty definition; Conflict if it exists. WRITE. */
    OrgEnvironment createEnvironment(Caller caller, EnvironmentRef environment);

    /** The current revision and entity tag ({@code HEAD}). READ. */
    EnvironmentHead headEnvironment(Caller caller, EnvironmentRef environment);

    /** The definition at {@code version} with secrets as ciphertext. READ. */
    EnvironmentDefinition getDefinition(Caller caller, EnvironmentRef environment, String version);

    /** The definition at {@code version} with secrets in plaintext. OPEN; audited. */
    EnvironmentDefinition decryptDefinition(Caller caller, EnvironmentRef environment, String version);

    /**
     * Adds a revision with this definition. The definition is parsed and checked first (an invalid one
     * fails with {@link EscException.EvaluationFailed} carrying its diagnostics, and nothing is written);
     * plaintext {@code fn::secret} values are encrypted before they are stored. WRITE.
     *
     * @throws EscException.Conflict if the precondition is stale
     * @throws EscException.TooLarge if the definition exceeds the size limit
     */
    UpdateResult updateEnvironment(Caller caller, EnvironmentRef environment, byte[] yaml, Precondition precondition);

    /**
     * Deletes the environment with its revisions, tags and settings. WRITE.
     *
     * @throws EscException.DeletionProtected if its {@code deletionProtected} setting is on; nothing is deleted
     */
    void deleteEnvironment(Caller caller, EnvironmentRef environment);

    /**
     * Copies the environment under a new name in the same organization; Conflict if it exists. The copy starts
     * with the default settings (unprotected): settings belong to an environment, not to its content. WRITE.
     */
    OrgEnvironment cloneEnvironment(Caller caller, EnvironmentRef source, CloneRequest request);

    // ---- settings ---------------------------------------------------------------------------------

    /** The environment's settings ({@code GET .../settings}). READ. */
    EnvironmentSettings getEnvironmentSettings(Caller caller, EnvironmentRef environment);

    /**
     * Changes the settings the change names, keeps the others ({@code PATCH .../settings}), and answers them all.
     * The same right as deleting the environment, so that whoever may delete it may also protect it or lift the
     * protection. WRITE; audited (old and new value), an empty change writes and audits nothing.
     */
    EnvironmentSettings updateEnvironmentSettings(Caller caller, EnvironmentRef environment,
                                                  EnvironmentSettingsChange change);

    // ---- revisions and revision tags --------------------------------------------------------------

    /**
     * Revisions newest first.
     *
     * @param before only revisions with a smaller number, or null
     */
    List<EnvironmentRevision> listRevisions(Caller caller, EnvironmentRef environment, Long before, Integer count);

    /** Revision tags sorted by name ({@code latest} included); {@code after} is an exclusive name. READ. */
    Page<EnvironmentRevisionTag> listRevisionTags(Caller caller, EnvironmentRef environment, String after,
                                                  Integer count);

    EnvironmentRevisionTag getRevisionTag(Caller caller, EnvironmentRef environment, String tag);

    /**
     * Tags a revision (null: the latest). Conflict if the tag exists, NotFound if the revision does not;
     * {@code latest} is maintained by the service and cannot be written. WRITE.
     */
    EnvironmentRevisionTag createRevisionTag(Caller caller, EnvironmentRef environment, String tag, Long revision);

    EnvironmentRevisionTag updateRevisionTag(Caller caller, EnvironmentRef environment, String tag, long revision);

    void deleteRevisionTag(Caller caller, EnvironmentRef environment, String tag);

    /**
     * Retracts a revision ({@code POST .../versions/{version}/retract}): it stays in the history, marked
     * retracted, but reading, decrypting, opening, checking, importing or cloning it fails with NotFound
     * from then on, and every revision tag that pointed at it moves to the replacement. WRITE; audited.
     *
     * @param version     the revision, by number or revision tag; the latest revision cannot be retracted
     *                    (InvalidRequest: update the environment first)
     * @param replacement the revision its tags move to, or null for the newest earlier revision that is not
     *                    retracted; NotFound if it does not exist, Conflict if it is retracted itself
     * @param reason      why, shown in the history; null for none
     * @throws EscException.Conflict if the revision is already retracted
     */
    void retractRevision(Caller caller, EnvironmentRef environment, String version, Long replacement, String reason);

    // ---- environment tags -------------------------------------------------------------------------

    /** Environment tags sorted by name; {@code after} is an exclusive name. READ. */
    Page<EnvironmentTag> listEnvironmentTags(Caller caller, EnvironmentRef environment, String after, Integer count);

    EnvironmentTag getEnvironmentTag(Caller caller, EnvironmentRef environment, String name);

    /** Conflict if a tag of that name exists. WRITE. */
    EnvironmentTag createEnvironmentTag(Caller caller, EnvironmentRef environment, String name, String value);

    /**
     * Renames and/or changes a tag.
     *
     * @param currentValue the value the caller last saw ({@code currentTag.value}), or null to skip the
     *                     check; Conflict if the tag has another value now
     */
    EnvironmentTag updateEnvironmentTag(Caller caller, EnvironmentRef environment, String name, String currentValue,
                                        String newName, String newValue);

    void deleteEnvironmentTag(Caller caller, EnvironmentRef environment, String name);

    // ---- check and open ---------------------------------------------------------------------------

    /**
     * Evaluates an anonymous definition (named {@code <yaml>}) without opening providers
     * ({@code POST /{org}/yaml/check}). Imports resolve to the organization's environments.
     * READ; {@code showSecrets} needs OPEN.
     *
     * @throws EscException.EvaluationFailed with the diagnostics and the partial environment if the
     *                                       definition has errors
     */
    CheckResult checkYaml(Caller caller, String org, byte[] yaml, boolean showSecrets);

    /** Like {@link #checkYaml} for a stored environment at {@code version}. */
    CheckResult checkEnvironment(Caller caller, EnvironmentRef environment, String version, boolean showSecrets);

    /**
     * Evaluates an anonymous definition, opening providers, and keeps the result for {@code duration}
     * ({@code POST /{org}/yaml/open}). OPEN; audited.
     *
     * @param duration null for the default (one hour)
     * @throws EscException.InvalidRequest   if the duration is not positive or exceeds the configured maximum
     * @throws EscException.EvaluationFailed if evaluation reports errors
     */
    OpenedSession openYaml(Caller caller, String org, byte[] yaml, Duration duration);

    /** Like {@link #openYaml} for a stored environment at {@code version} ({@code POST .../open}). */
    OpenedSession openEnvironment(Caller caller, EnvironmentRef environment, String version, Duration duration);

    /**
     * The opened environment of a session of this environment, secrets in plaintext. An empty
     * environment has every field null. NotFound if unknown, expired, or opened for another environment.
     * OPEN.
     */
    Environment readOpenEnvironment(Caller caller, EnvironmentRef environment, String sessionId);

    /**
     * {@link #openEnvironment}, then {@link #readOpenEnvironment} of the new session: what a client that opens an
     * environment to use it at once (the CLI's {@code open} and {@code run}) calls. An implementation holding the
     * opened environment in hand returns it without reading the stored session back.
     */
    default OpenedEnvironment openEnvironmentAndRead(Caller caller, EnvironmentRef environment, String version,
                                                     Duration duration) {
        OpenedSession session = openEnvironment(caller, environment, version, duration);
        return new OpenedEnvironment(session, readOpenEnvironment(caller, environment, session.id()));
    }

    /**
     * {@link #readOpenEnvironment} in the API's wire JSON ({@link WireJson}). An implementation that keeps
     * sessions in that form returns it as kept, without decoding and encoding it again.
     */
    default String readOpenEnvironmentJson(Caller caller, EnvironmentRef environment, String sessionId) {
        return WireJson.toJson(readOpenEnvironment(caller, environment, sessionId));
    }

    /**
     * One value of an opened environment.
     *
     * @param property a path below the environment's values, e.g. {@code a.b[0]} or
     *                 {@code pulumiConfig["app:x"]}; InvalidRequest if it does not parse, NotFound if
     *                 nothing is there
     */
    Value readOpenProperty(Caller caller, EnvironmentRef environment, String sessionId, String property);

    /** {@link #readOpenEnvironment} for a session opened by {@link #openYaml}. */
    Environment readOpenYaml(Caller caller, String org, String sessionId);

    /** {@link #readOpenProperty} for a session opened by {@link #openYaml}. */
    Value readOpenYamlProperty(Caller caller, String org, String sessionId, String property);

    // ---- administration ---------------------------------------------------------------------------

    /** Every member of the organization sorted by login, all pages of the paged listing. ADMIN. */
    default List<OrgMember> listMembers(Caller caller, String org) {
        List<OrgMember> all = new java.util.ArrayList<>();
        String token = null;
        do {
            Page<OrgMember> page = listMembers(caller, org, token, 0);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    /**
     * One page of the organization's members, sorted by login ({@code GET /api/orgs/{org}/members}). ADMIN.
     *
     * @param continuationToken a previous page's {@code nextToken}, or null/empty for the first page
     * @param count             the page size, 0 for the server's default (100); at most 1000
     * @throws EscException.InvalidRequest if the continuation token is not one this server made
     */
    Page<OrgMember> listMembers(Caller caller, String org, String continuationToken, int count);

    /**
     * Creates a user straight into the organization, with the given role and, when asked, a first access
     * token (shown once). ADMIN of that organization; one transaction; audited there.
     *
     * @throws EscException.InvalidRequest if the login breaks {@link Names#requireLogin}'s rule or the token
     *                                     request is invalid
     * @throws EscException.Conflict       if a user with that login exists already (in any organization)
     */
    CreatedUser createUser(Caller caller, String org, NewUser user);

    /**
     * Deletes a user: every membership and every access token goes (requests with their tokens fail with
     * Unauthorized at once); the audit log keeps their login. ADMIN of {@code org}, and of every other
     * organization the user belongs to. Audited in each organization the user left.
     *
     * @throws EscException.NotFound  if the user is not a member of {@code org}
     * @throws EscException.Forbidden if the user also belongs to an organization the caller does not administer
     * @throws EscException.Conflict  if the user is the last admin of one of their organizations
     */
    void deleteUser(Caller caller, String org, String login);

    /**
     * Adds an existing user to the organization. ADMIN; audited.
     *
     * @throws EscException.NotFound if there is no such user
     * @throws EscException.Conflict if the user is a member already
     */
    OrgMember addMember(Caller caller, String org, String login, OrgRole role);

    /**
     * Changes a member's role. ADMIN; audited.
     *
     * @throws EscException.NotFound if the user is not a member
     * @throws EscException.Conflict if it would leave the organization without an admin
     */
    OrgMember changeMemberRole(Caller caller, String org, String login, OrgRole role);

    /**
     * Removes a member (an admin may remove themselves while another admin remains). ADMIN; audited.
     *
     * @throws EscException.NotFound if the user is not a member
     * @throws EscException.Conflict if the member is the organization's last admin
     */
    void removeMember(Caller caller, String org, String login);

    /**
     * Creates an access token for the caller ({@code POST /api/user/tokens}). The secret is in the answer
     * and nowhere else: the server keeps its hash. Audited.
     *
     * @param description what the token is for (at most 500 characters); InvalidRequest if blank
     * @param expires     when it stops working, or null for never; InvalidRequest if not in the future
     */
    NewAccessToken createToken(Caller caller, String description, java.time.Instant expires);

    /** The caller's tokens, newest first, revoked and expired ones included, never their secrets. */
    List<AccessTokenInfo> listTokens(Caller caller);

    /**
     * Revokes one of the caller's tokens; requests presenting it fail with Unauthorized from then on.
     * Revoking a revoked token changes nothing. NotFound if the caller has no token of that id. Audited.
     */
    void revokeToken(Caller caller, String tokenId);

    /**
     * The organization's audit log, newest first ({@code GET /api/orgs/{org}/auditlogs}). ADMIN.
     *
     * @throws EscException.InvalidRequest if the continuation token or the action is not one this server knows
     */
    Page<AuditEntry> listAuditEvents(Caller caller, String org, AuditQuery query);
}
