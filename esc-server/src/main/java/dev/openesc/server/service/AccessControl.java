package dev.openesc.server.service;

import dev.openesc.api.Caller;
import dev.openesc.api.EscException;
import dev.openesc.api.Names;
import dev.openesc.api.OrgRole;
import dev.openesc.api.Permission;
import dev.openesc.server.crypto.CryptoException;
import dev.openesc.server.store.IdentityStore;
import dev.openesc.server.store.Role;
import dev.openesc.server.store.StoreException;
import java.util.Optional;

/**
 * The one place rights are checked. A caller who is not a member of the organization gets NotFound,
 * worded exactly as for an organization that does not exist, so that probing names reveals nothing; a
 * member lacking the permission gets Forbidden.
 */
final class AccessControl {

    private final IdentityStore identity;
    private final AccessPolicy policy;

    AccessControl(IdentityStore identity, AccessPolicy policy) {
        this.identity = identity;
        this.policy = policy;
    }

    /** Checks the org name, the membership and the permission; returns the caller's role. */
    OrgRole require(Caller caller, String org, Permission permission) {
        Names.requireOrganization(org);
        return check(caller, org, permission, role(caller, org));
    }

    /**
     * The same check on a membership the caller read along with its data ({@code role} empty: no member), for
     * the hot reads that fetch both in one statement. The org name must have been checked before the read.
     */
    OrgRole require(Caller caller, String org, Permission permission, Optional<Role> role) {
        // No Optional.map/orElseThrow lambdas here nor in role(): every CLI command runs this at start
        // (docs/decisions.md 25).
        if (role.isEmpty()) {
            throw notFound(org);
        }
        return check(caller, org, permission, OrgRole.valueOf(role.get().name()));
    }

    private OrgRole check(Caller caller, String org, Permission permission, OrgRole role) {
        if (!policy.grants(role, permission)) {
            throw new EscException.Forbidden(caller.login() + " may not " + verb(permission) + " in organization "
                    + org, permission);
        }
        return role;
    }

    /** Whether the caller (known to be a member) has the permission. */
    boolean permits(Caller caller, String org, Permission permission) {
        return policy.grants(role(caller, org), permission);
    }

    private OrgRole role(Caller caller, String org) {
        Optional<Role> role;
        try {
            role = identity.role(org, caller.login());
        } catch (StoreException | CryptoException e) {
            throw StoreCalls.translated(e);
        }
        if (role.isEmpty()) {
            throw notFound(org);
        }
        return OrgRole.valueOf(role.get().name());
    }

    static EscException.NotFound notFound(String org) {
        return new EscException.NotFound("organization " + org + " not found");
    }

    private static String verb(Permission permission) {
        return switch (permission) {
            case READ -> "read environments";
            case OPEN -> "open environments or see their secrets";
            case WRITE -> "change environments";
            case ADMIN -> "administer";
        };
    }
}
