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

    /** Deletes the environment with its revisions and tags. WRITE. */
    void deleteEnvironment(Caller caller, EnvironmentRef environment);

    /** Copies the environment under a new name in the same organization; Conflict if it exists. WRITE. */
    OrgEnvironment cloneEnvironment(Caller caller, EnvironmentRef source, CloneRequest request);

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
}
