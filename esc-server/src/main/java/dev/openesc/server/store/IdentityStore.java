package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users, organizations, memberships with roles, and access tokens (stored as hashes). */
public final class IdentityStore {

    private static final String TOKEN_COLUMNS =
            "id, user_login, description, created_at, expires_at, revoked_at, last_used_at";

    /** How stale a token's recorded last use may get before a use writes it again. */
    static final java.time.Duration LAST_USED_PRECISION = java.time.Duration.ofMinutes(1);

    private final Database db;

    public IdentityStore(Database db) {
        this.db = db;
    }

    /**
     * On an empty store (no user at all), creates the first admin user, an organization it administers,
     * and a token for it, in one transaction. Returns the token to show once; empty if the store already
     * had users (including when another replica bootstrapped it a moment earlier).
     */
    public Optional<IssuedToken> bootstrap(String adminLogin, String adminName, String orgName) {
        try {
            return db.transaction(connection -> {
                if (Sql.count(connection, "SELECT COUNT(*) FROM users") > 0) {
                    return Optional.<IssuedToken>empty();
                }
                Instant now = db.now();
                insertUser(connection, new User(adminLogin, adminName, null, now));
                insertOrganization(connection, new Organization(orgName, now));
                Sql.update(connection,
                        "INSERT INTO memberships (org_name, user_login, role, created_at) VALUES (?, ?, ?, ?)",
                        orgName, adminLogin, Role.ADMIN.name(), now);
                return Optional.of(insertToken(connection, adminLogin, "created at first start", null, now));
            });
        } catch (StoreException.Conflict raced) {
            return Optional.empty();
        }
    }

    public User createUser(String login, String name, String email) {
        User user = new User(login, name, email, db.now());
        db.transaction(connection -> {
            insertUser(connection, user);
            return null;
        });
        return user;
    }

    public Optional<User> user(String login) {
        return db.first("SELECT login, name, email, created_at FROM users WHERE login = ?", USER, login);
    }

    public Organization createOrganization(String name) {
        Organization org = new Organization(name, db.now());
        db.transaction(connection -> {
            insertOrganization(connection, org);
            return null;
        });
        return org;
    }

    /**
     * Whether the user, the organization and the user's membership in it (any role) all exist, in one query: what
     * the embedded backend checks at every command's start before making the missing ones.
     */
    public boolean memberExists(String login, String org) {
        return db.first("SELECT (SELECT COUNT(*) FROM users WHERE login = ?),"
                        + " (SELECT COUNT(*) FROM orgs WHERE name = ?),"
                        + " (SELECT COUNT(*) FROM memberships WHERE org_name = ? AND user_login = ?)",
                new AllCounted(), login, org, org, login).orElse(false);
    }

    public Optional<Organization> organization(String name) {
        return db.read(connection -> Sql.first(connection, "SELECT name, created_at FROM orgs WHERE name = ?",
                row -> new Organization(row.getString("name"), Sql.instant(row, "created_at")), name));
    }

    /** Adds the user to the org, or changes the role of a member. NotFound if either does not exist. */
    public Membership setMember(String org, String login, Role role) {
        return db.transaction(connection -> {
            requireExists(connection, "orgs", "name", org, "organization");
            requireExists(connection, "users", "login", login, "user");
            Instant now = db.now();
            int changed = Sql.update(connection,
                    "UPDATE memberships SET role = ? WHERE org_name = ? AND user_login = ?", role.name(), org, login);
            if (changed == 0) {
                Sql.update(connection,
                        "INSERT INTO memberships (org_name, user_login, role, created_at) VALUES (?, ?, ?, ?)",
                        org, login, role.name(), now);
            }
            return membership(connection, org, login).orElseThrow();
        });
    }

    public void removeMember(String org, String login) {
        int removed = db.transaction(connection -> Sql.update(connection,
                "DELETE FROM memberships WHERE org_name = ? AND user_login = ?", org, login));
        if (removed == 0) {
            throw new StoreException.NotFound(login + " is not a member of " + org);
        }
    }

    /** The user's role in the org, empty if not a member. */
    public Optional<Role> role(String org, String login) {
        Optional<Membership> membership = db.first(MEMBERSHIP_QUERY, MEMBERSHIP, org, login);
        return membership.isPresent() ? Optional.of(membership.get().role()) : Optional.empty();
    }

    /** The organizations the user belongs to, by name. */
    public List<Membership> memberships(String login) {
        return db.list(
                "SELECT org_name, user_login, role, created_at FROM memberships WHERE user_login = ? ORDER BY org_name",
                MEMBERSHIP, login);
    }

    public List<Membership> members(String org) {
        return db.read(connection -> Sql.list(connection,
                "SELECT org_name, user_login, role, created_at FROM memberships WHERE org_name = ? ORDER BY user_login",
                MEMBERSHIP, org));
    }

    /** Issues a token for the user. {@code expires} may be null (no expiry). */
    public IssuedToken issueToken(String login, String description, Instant expires) {
        return db.transaction(connection -> {
            requireExists(connection, "users", "login", login, "user");
            return insertToken(connection, login, description, expires, db.now());
        });
    }

    /**
     * Who the token text belongs to, if it is a live token (known, not revoked, not expired). Records
     * the use (at most once a minute per token, so that authenticating is not a write per request);
     * callers audit it.
     */
    public Optional<Principal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(AccessTokens.PREFIX)) {
            return Optional.empty();
        }
        byte[] hash = AccessTokens.hash(secret);
        Instant now = db.now();
        Optional<Principal> found = db.read(connection -> Sql.first(connection,
                "SELECT t.id, t.user_login, t.description, t.created_at, t.expires_at, t.revoked_at, t.last_used_at,"
                        + " u.login, u.name, u.email, u.created_at AS user_created_at"
                        + " FROM access_tokens t JOIN users u ON u.login = t.user_login WHERE t.token_hash = ?",
                IdentityStore::mapPrincipal, hash));
        if (found.isEmpty() || !found.get().token().usableAt(now)) {
            return Optional.empty();
        }
        AccessToken token = found.get().token();
        if (token.lastUsed() != null && !token.lastUsed().isBefore(now.minus(LAST_USED_PRECISION))) {
            return found;
        }
        db.transaction(connection -> Sql.update(connection,
                "UPDATE access_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                now, token.id(), now.minus(LAST_USED_PRECISION)));
        return Optional.of(new Principal(found.get().user(), new AccessToken(token.id(), token.userLogin(),
                token.description(), token.created(), token.expires(), token.revoked(), now)));
    }

    /** The user's tokens, newest first, revoked and expired ones included. */
    public List<AccessToken> tokens(String login) {
        return db.read(connection -> Sql.list(connection,
                "SELECT " + TOKEN_COLUMNS + " FROM access_tokens WHERE user_login = ? ORDER BY created_at DESC, id",
                IdentityStore::mapToken, login));
    }

    public Optional<AccessToken> token(String id) {
        return db.read(connection -> Sql.first(connection,
                "SELECT " + TOKEN_COLUMNS + " FROM access_tokens WHERE id = ?", IdentityStore::mapToken, id));
    }

    /** Revokes a token for good; revoking a revoked token changes nothing. NotFound if unknown. */
    public void revokeToken(String id) {
        Instant now = db.now();
        db.transaction(connection -> {
            if (Sql.count(connection, "SELECT COUNT(*) FROM access_tokens WHERE id = ?", id) == 0) {
                throw new StoreException.NotFound("token " + id + " not found");
            }
            Sql.update(connection, "UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                    now, id);
            return null;
        });
    }

    static IssuedToken insertToken(Connection connection, String login, String description, Instant expires,
                                           Instant now) throws SQLException {
        String secret = AccessTokens.newSecret();
        String id = "tok-" + RandomIds.hex128().substring(0, 20);
        Sql.update(connection,
                "INSERT INTO access_tokens (id, token_hash, user_login, description, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                id, AccessTokens.hash(secret), login, description, now, Sql.time(expires));
        return new IssuedToken(new AccessToken(id, login, description, now, expires, null, null), secret);
    }

    static void insertUser(Connection connection, User user) throws SQLException {
        try {
            Sql.update(connection, "INSERT INTO users (login, name, email, created_at) VALUES (?, ?, ?, ?)",
                    user.login(), user.name(), Sql.text(user.email()), user.created());
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                throw new StoreException.Conflict("user " + user.login() + " already exists", e);
            }
            throw e;
        }
    }

    private static void insertOrganization(Connection connection, Organization org) throws SQLException {
        try {
            Sql.update(connection, "INSERT INTO orgs (name, created_at) VALUES (?, ?)", org.name(), org.created());
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                throw new StoreException.Conflict("organization " + org.name() + " already exists", e);
            }
            throw e;
        }
    }

    private static Optional<Membership> membership(Connection connection, String org, String login)
            throws SQLException {
        return Sql.first(connection, MEMBERSHIP_QUERY, MEMBERSHIP, org, login);
    }

    private static void requireExists(Connection connection, String table, String column, String value, String what)
            throws SQLException {
        if (Sql.count(connection, "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", value) == 0) {
            throw new StoreException.NotFound(what + " " + value + " not found");
        }
    }

    private static final String MEMBERSHIP_QUERY =
            "SELECT org_name, user_login, role, created_at FROM memberships WHERE org_name = ? AND user_login = ?";

    // The rows every CLI command reads at start are mapped by classes rather than method references or lambdas:
    // each of those is linked by a bootstrap of its own the first time it runs (docs/decisions.md 25).
    private static final Sql.RowMapper<User> USER = new UserRow();
    private static final Sql.RowMapper<Membership> MEMBERSHIP = new MembershipRow();

    private static final class UserRow implements Sql.RowMapper<User> {
        @Override
        public User map(ResultSet row) throws SQLException {
            return new User(row.getString("login"), row.getString("name"), row.getString("email"),
                    Sql.instant(row, "created_at"));
        }
    }

    private static final class MembershipRow implements Sql.RowMapper<Membership> {
        @Override
        public Membership map(ResultSet row) throws SQLException {
            return new Membership(row.getString("org_name"), row.getString("user_login"),
                    Role.valueOf(row.getString("role")), Sql.instant(row, "created_at"));
        }
    }

    /** The row of {@link #memberExists}: whether each of its three counts found something. */
    private static final class AllCounted implements Sql.RowMapper<Boolean> {
        @Override
        public Boolean map(ResultSet row) throws SQLException {
            return row.getLong(1) > 0 && row.getLong(2) > 0 && row.getLong(3) > 0;
        }
    }

    /**
     * The row of {@link #authenticate}, read by position: every API request passes here, and a lookup by name
     * costs the driver a map of the columns per result.
     */
    private static Principal mapPrincipal(ResultSet row) throws SQLException {
        return new Principal(
                new User(row.getString(8), row.getString(9), row.getString(10), Sql.instant(row, 11)),
                new AccessToken(row.getString(1), row.getString(2), row.getString(3), Sql.instant(row, 4),
                        Sql.instant(row, 5), Sql.instant(row, 6), Sql.instant(row, 7)));
    }

    private static AccessToken mapToken(ResultSet row) throws SQLException {
        return new AccessToken(row.getString("id"), row.getString("user_login"), row.getString("description"),
                Sql.instant(row, "created_at"), Sql.instant(row, "expires_at"), Sql.instant(row, "revoked_at"),
                Sql.instant(row, "last_used_at"));
    }
}
