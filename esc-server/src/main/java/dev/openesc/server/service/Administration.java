package dev.openesc.server.service;

import dev.openesc.api.AccessTokenInfo;
import dev.openesc.api.AuditEntry;
import dev.openesc.api.AuditQuery;
import dev.openesc.api.Caller;
import dev.openesc.api.CreatedUser;
import dev.openesc.api.EscException;
import dev.openesc.api.Names;
import dev.openesc.api.NewAccessToken;
import dev.openesc.api.NewUser;
import dev.openesc.api.OrgMember;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Page;
import dev.openesc.api.Permission;
import dev.openesc.server.store.AccessToken;
import dev.openesc.server.store.AuditAction;
import dev.openesc.server.store.AuditEvent;
import dev.openesc.server.store.AuditFilter;
import dev.openesc.server.store.Editor;
import dev.openesc.server.store.IssuedToken;
import dev.openesc.server.store.OrgMembers;
import dev.openesc.server.store.Role;
import dev.openesc.server.store.Storage;
import dev.openesc.server.store.UserAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The administrative half of {@link LocalEscService}: an organization's members, users and audit log (for its
 * admins) and the caller's own access tokens (for every user). Rights go through the same
 * {@link AccessControl} as everything else: an outsider gets NotFound, a member without ADMIN Forbidden.
 *
 * <p>Who creates users: an admin of an organization, straight into it (as Pulumi Cloud's SCIM provisions
 * users into the organization it is set up for); there is no server-wide admin. Who deletes them: an admin
 * of every organization the user belongs to, so that no organization loses a member to an outsider.
 */
final class Administration {

    static final int MAX_TOKEN_DESCRIPTION = 500;
    static final int MAX_USER_NAME = 200;
    static final int MAX_EMAIL = 320;

    private final Storage storage;
    private final AccessControl access;
    private final OrgMembers members;
    private final UserAccounts users;
    private final Clock clock;

    Administration(Storage storage, AccessControl access) {
        this.storage = storage;
        this.access = access;
        this.members = new OrgMembers(storage.database());
        this.users = new UserAccounts(storage.database());
        this.clock = storage.database().clock();
    }

    // ---- members ----------------------------------------------------------------------------------

    Page<OrgMember> listMembers(Caller caller, String org, String continuationToken, int count) {
        access.require(caller, org, Permission.ADMIN);
        try {
            return ApiViews.page(StoreCalls.call(() -> members.list(org, continuationToken, count)),
                    Administration::member);
        } catch (IllegalArgumentException e) {
            throw new EscException.InvalidRequest("invalid continuation token");
        }
    }

    OrgMember addMember(Caller caller, String org, String login, OrgRole role) {
        access.require(caller, org, Permission.ADMIN);
        requireLogin(login);
        return member(StoreCalls.call(() -> members.add(org, login, role(role), editor(caller))));
    }

    OrgMember changeMemberRole(Caller caller, String org, String login, OrgRole role) {
        access.require(caller, org, Permission.ADMIN);
        requireLogin(login);
        return member(StoreCalls.call(() -> members.changeRole(org, login, role(role), editor(caller))));
    }

    void removeMember(Caller caller, String org, String login) {
        access.require(caller, org, Permission.ADMIN);
        requireLogin(login);
        StoreCalls.run(() -> members.remove(org, login, editor(caller)));
    }

    // ---- users ------------------------------------------------------------------------------------

    CreatedUser createUser(Caller caller, String org, NewUser user) {
        access.require(caller, org, Permission.ADMIN);
        Names.requireLogin(user.login());
        String name = user.name() == null || user.name().isBlank() ? user.login() : user.name().strip();
        requireText("a user's name", name, MAX_USER_NAME);
        String email = user.email() == null || user.email().isBlank() ? null : user.email().strip();
        if (email != null) {
            requireText("an email address", email, MAX_EMAIL);
        }
        if (user.tokenDescription() != null) {
            requireTokenRequest(user.tokenDescription(), user.tokenExpires());
        }
        UserAccounts.Created created = StoreCalls.call(() -> users.create(org, user.login(), name, email,
                role(user.role()), user.tokenDescription(), user.tokenExpires(), editor(caller)));
        IssuedToken token = created.firstToken();
        return new CreatedUser(member(created.member()),
                token == null ? null : new NewAccessToken(token(token.token()), token.secret()));
    }

    void deleteUser(Caller caller, String org, String login) {
        access.require(caller, org, Permission.ADMIN);
        requireLogin(login);
        try {
            StoreCalls.run(() -> users.delete(org, login, editor(caller)));
        } catch (UserAccounts.OutsideEditorsOrganizations e) {
            throw new EscException.Forbidden(e.getMessage(), Permission.ADMIN);
        }
    }

    // ---- tokens -----------------------------------------------------------------------------------

    NewAccessToken createToken(Caller caller, String description, Instant expires) {
        requireTokenRequest(description, expires);
        IssuedToken issued = StoreCalls.call(() -> storage.identity().issueToken(caller.login(), description, expires));
        auditTokenChange(caller, AuditAction.TOKEN_ISSUE, issued.token().id());
        return new NewAccessToken(token(issued.token()), issued.secret());
    }

    private void requireTokenRequest(String description, Instant expires) {
        if (description == null || description.isBlank()) {
            throw new EscException.InvalidRequest("a token needs a description");
        }
        if (description.length() > MAX_TOKEN_DESCRIPTION) {
            throw new EscException.InvalidRequest("a token description has at most " + MAX_TOKEN_DESCRIPTION
                    + " characters");
        }
        if (expires != null && !expires.isAfter(clock.instant())) {
            throw new EscException.InvalidRequest("a token's expiry must be in the future");
        }
    }

    List<AccessTokenInfo> listTokens(Caller caller) {
        return StoreCalls.call(() -> storage.identity().tokens(caller.login())).stream()
                .map(Administration::token).toList();
    }

    void revokeToken(Caller caller, String tokenId) {
        // Another user's token reads exactly like a missing one: token ids do not leak.
        AccessToken token = StoreCalls.call(() -> storage.identity().token(tokenId == null ? "" : tokenId))
                .filter(t -> t.userLogin().equals(caller.login()))
                .orElseThrow(() -> new EscException.NotFound("token " + tokenId + " not found"));
        StoreCalls.run(() -> storage.identity().revokeToken(token.id()));
        auditTokenChange(caller, AuditAction.TOKEN_REVOKE, token.id());
    }

    // ---- audit log --------------------------------------------------------------------------------

    Page<AuditEntry> listAuditEvents(Caller caller, String org, AuditQuery query) {
        access.require(caller, org, Permission.ADMIN);
        AuditQuery q = query == null ? AuditQuery.newest() : query;
        AuditFilter filter = new AuditFilter(q.since(), q.until(), action(q.action()));
        int count = q.count() == null ? 0 : q.count();
        try {
            return ApiViews.page(StoreCalls.call(() -> storage.audit().list(org, filter, q.continuationToken(), count)),
                    Administration::entry);
        } catch (IllegalArgumentException e) {
            throw new EscException.InvalidRequest("invalid continuation token");
        }
    }

    // ---- shared -----------------------------------------------------------------------------------

    /** A token belongs to a user, not an organization: its creation and revocation go to each of theirs. */
    private void auditTokenChange(Caller caller, AuditAction action, String tokenId) {
        StoreCalls.run(() -> storage.audit().appendToMemberships(AuditEvent.of(caller.login(), action, null,
                caller.source(), "token " + tokenId), caller.login()));
    }

    private static void requireText(String what, String text, int max) {
        if (text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
            throw new EscException.InvalidRequest(what + " has at most " + max + " characters and no control "
                    + "characters");
        }
    }

    private static AuditAction action(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EscException.InvalidRequest("unknown audit event type " + name);
        }
    }

    private static void requireLogin(String login) {
        if (login == null || login.isBlank() || login.length() > 100) {
            throw new EscException.InvalidRequest("invalid user login");
        }
    }

    private static Role role(OrgRole role) {
        if (role == null) {
            throw new EscException.InvalidRequest("a role is needed: member or admin");
        }
        return Role.valueOf(role.name());
    }

    private static Editor editor(Caller caller) {
        return new Editor(caller.login(), caller.name(), caller.source());
    }

    private static OrgMember member(dev.openesc.server.store.OrgMember m) {
        return new OrgMember(m.login(), m.name(), m.email(), OrgRole.valueOf(m.role().name()), m.joined());
    }

    private static AccessTokenInfo token(AccessToken t) {
        return new AccessTokenInfo(t.id(), t.description(), t.created(), t.expires(), t.lastUsed(), t.revoked());
    }

    private static AuditEntry entry(AuditEvent e) {
        return new AuditEntry(e.id(), e.at(), e.actor(), e.action().name(), e.project(), e.environment(),
                e.revision(), e.source(), e.detail());
    }
}
