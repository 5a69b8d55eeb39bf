package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Administering an organization's members: add, change a role, remove. Each change is one transaction with
 * its audit line, and none of them can leave the organization without an admin. Two admins removing each
 * other at the same moment must not both succeed, so every change first takes the organization's row lock
 * (a no-op update) and then counts the admins: concurrent changes of one organization queue up.
 */
public final class OrgMembers {

    private static final String COLUMNS = "m.user_login, u.name, u.email, m.role, m.created_at";

    private final Database db;

    public OrgMembers(Database db) {
        this.db = db;
    }

    /**
     * One page of the members sorted by login. The order is the primary key's, so a page boundary is a
     * login: members who join or leave between two pages move no other member across it.
     *
     * @param after a page's {@code nextToken}, or null/empty for the first page
     * @throws IllegalArgumentException if {@code after} is not a token this class made
     */
    public Page<OrgMember> list(String org, String after, int count) {
        int size = EnvironmentRows.pageSize(count, 100, 1000);
        String from = MemberPageToken.login(after);
        List<OrgMember> rows = db.read(connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM memberships m JOIN users u ON u.login = m.user_login"
                        + " WHERE m.org_name = ? AND m.user_login > ? ORDER BY m.user_login LIMIT " + (size + 1),
                OrgMembers::map, org, from));
        return Page.ofProbe(rows, size, member -> MemberPageToken.of(member.login()));
    }

    /** Adds an existing user. NotFound if the user does not exist; Conflict if already a member. */
    public OrgMember add(String org, String login, Role role, Editor editor) {
        return db.transaction(connection -> {
            lockOrganization(connection, org);
            if (Sql.count(connection, "SELECT COUNT(*) FROM users WHERE login = ?", login) == 0) {
                throw new StoreException.NotFound("user " + login + " not found");
            }
            if (find(connection, org, login).isPresent()) {
                throw new StoreException.Conflict(login + " is already a member of " + org);
            }
            Instant now = db.now();
            Sql.update(connection,
                    "INSERT INTO memberships (org_name, user_login, role, created_at) VALUES (?, ?, ?, ?)",
                    org, login, role.name(), now);
            audit(connection, editor, AuditAction.MEMBER_WRITE, org, "add " + login + " as " + role.name(), now);
            return find(connection, org, login).orElseThrow();
        });
    }

    /** Changes a member's role. NotFound if not a member; Conflict if it would demote the last admin. */
    public OrgMember changeRole(String org, String login, Role role, Editor editor) {
        return db.transaction(connection -> {
            lockOrganization(connection, org);
            OrgMember current = find(connection, org, login)
                    .orElseThrow(() -> new StoreException.NotFound(login + " is not a member of " + org));
            if (current.role() == Role.ADMIN && role != Role.ADMIN) {
                requireAnotherAdmin(connection, org, login);
            }
            Sql.update(connection, "UPDATE memberships SET role = ? WHERE org_name = ? AND user_login = ?",
                    role.name(), org, login);
            audit(connection, editor, AuditAction.MEMBER_WRITE, org, "set " + login + " to " + role.name(), db.now());
            return find(connection, org, login).orElseThrow();
        });
    }

    /** Removes a member. NotFound if not a member; Conflict if it is the last admin. */
    public void remove(String org, String login, Editor editor) {
        db.transaction(connection -> {
            lockOrganization(connection, org);
            OrgMember current = find(connection, org, login)
                    .orElseThrow(() -> new StoreException.NotFound(login + " is not a member of " + org));
            if (current.role() == Role.ADMIN) {
                requireAnotherAdmin(connection, org, login);
            }
            Sql.update(connection, "DELETE FROM memberships WHERE org_name = ? AND user_login = ?", org, login);
            audit(connection, editor, AuditAction.MEMBER_REMOVE, org, "remove " + login, db.now());
            return null;
        });
    }

    static void lockOrganization(Connection connection, String org) throws SQLException {
        if (Sql.update(connection, "UPDATE orgs SET created_at = created_at WHERE name = ?", org) == 0) {
            throw new StoreException.NotFound("organization " + org + " not found");
        }
    }

    static void requireAnotherAdmin(Connection connection, String org, String login) throws SQLException {
        long others = Sql.count(connection,
                "SELECT COUNT(*) FROM memberships WHERE org_name = ? AND role = ? AND user_login <> ?",
                org, Role.ADMIN.name(), login);
        if (others == 0) {
            throw new StoreException.Conflict(login + " is the last admin of " + org
                    + "; make another member an admin first");
        }
    }

    static Optional<OrgMember> find(Connection connection, String org, String login) throws SQLException {
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM memberships m JOIN users u ON u.login = m.user_login"
                + " WHERE m.org_name = ? AND m.user_login = ?", OrgMembers::map, org, login);
    }

    static void audit(Connection connection, Editor editor, AuditAction action, String org, String detail,
                              Instant now) throws SQLException {
        AuditLog.append(connection, AuditEvent.of(editor.login(), action, org, editor.source(), detail), now);
    }

    private static OrgMember map(java.sql.ResultSet row) throws SQLException {
        return new OrgMember(row.getString("user_login"), row.getString("name"), row.getString("email"),
                Role.valueOf(row.getString("role")), Sql.instant(row, "created_at"));
    }
}
