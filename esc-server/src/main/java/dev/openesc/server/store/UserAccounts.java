package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * Creating and deleting users, by an organization's admin. A user is created straight into that
 * organization (there is no user outside every organization but the first start's admin), with an optional
 * first access token, in one transaction with its audit line. Deleting a user takes their memberships and
 * tokens with them; the audit log keeps the login as text.
 */
public final class UserAccounts {

    /** A user just created. {@code firstToken} is null when none was asked for. */
    public record Created(OrgMember member, IssuedToken firstToken) {
    }

    /** The user to delete also belongs to an organization the editor does not administer. */
    public static final class OutsideEditorsOrganizations extends RuntimeException {
        OutsideEditorsOrganizations(String message) {
            super(message, null, false, false);
        }
    }

    private final Database db;

    public UserAccounts(Database db) {
        this.db = db;
    }

    /**
     * Creates the user as a member of {@code org} with {@code role}, and a first token when
     * {@code tokenDescription} is not null. NotFound if the org does not exist; Conflict if the login is taken.
     */
    public Created create(String org, String login, String name, String email, Role role, String tokenDescription,
                          Instant tokenExpires, Editor editor) {
        return db.transaction(connection -> {
            OrgMembers.lockOrganization(connection, org);
            Instant now = db.now();
            IdentityStore.insertUser(connection, new User(login, name, email, now));
            Sql.update(connection,
                    "INSERT INTO memberships (org_name, user_login, role, created_at) VALUES (?, ?, ?, ?)",
                    org, login, role.name(), now);
            IssuedToken token = tokenDescription == null ? null
                    : IdentityStore.insertToken(connection, login, tokenDescription, tokenExpires, now);
            String detail = "create user " + login + " as " + role.name()
                    + (token == null ? "" : " with token " + token.token().id());
            OrgMembers.audit(connection, editor, AuditAction.USER_CREATE, org, detail, now);
            return new Created(OrgMembers.find(connection, org, login).orElseThrow(), token);
        });
    }

    /**
     * Deletes the user, a member of {@code org}, with all their memberships and tokens. The editor must
     * administer every organization the user belongs to ({@link OutsideEditorsOrganizations} otherwise), and
     * none of them may be left without an admin (Conflict). Returns the organizations the user left.
     */
    public List<String> delete(String org, String login, Editor editor) {
        return db.transaction(connection -> {
            OrgMembers.lockOrganization(connection, org);
            TreeMap<String, Role> orgs = new TreeMap<>();
            for (Membership m : Sql.list(connection,
                    "SELECT org_name, user_login, role, created_at FROM memberships WHERE user_login = ?",
                    row -> new Membership(row.getString("org_name"), row.getString("user_login"),
                            Role.valueOf(row.getString("role")), Sql.instant(row, "created_at")), login)) {
                orgs.put(m.org(), m.role());
            }
            if (!orgs.containsKey(org)) {
                throw new StoreException.NotFound(login + " is not a member of " + org);
            }
            for (var entry : orgs.entrySet()) {
                requireAdmin(connection, entry.getKey(), editor.login(), login);
                OrgMembers.lockOrganization(connection, entry.getKey());
                if (entry.getValue() == Role.ADMIN) {
                    OrgMembers.requireAnotherAdmin(connection, entry.getKey(), login);
                }
            }
            long tokens = Sql.count(connection, "SELECT COUNT(*) FROM access_tokens WHERE user_login = ?", login);
            Instant now = db.now();
            for (String left : orgs.keySet()) {
                OrgMembers.audit(connection, editor, AuditAction.USER_DELETE, left,
                        "delete user " + login + " and their " + tokens + " access token(s)", now);
            }
            // The schema cascades these, but SQLite enforces foreign keys only when asked to: say it outright.
            Sql.update(connection, "DELETE FROM access_tokens WHERE user_login = ?", login);
            Sql.update(connection, "DELETE FROM memberships WHERE user_login = ?", login);
            Sql.update(connection, "DELETE FROM users WHERE login = ?", login);
            return List.copyOf(orgs.keySet());
        });
    }

    private static void requireAdmin(Connection connection, String org, String editor, String login)
            throws SQLException {
        long admin = Sql.count(connection,
                "SELECT COUNT(*) FROM memberships WHERE org_name = ? AND user_login = ? AND role = ?",
                org, editor, Role.ADMIN.name());
        if (admin == 0) {
            // Which organization stays unsaid: the editor may not even know it exists.
            throw new OutsideEditorsOrganizations(login + " also belongs to an organization you do not administer");
        }
    }
}
