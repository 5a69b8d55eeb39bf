package dev.openesc.server.service;

import dev.openesc.api.OrgRole;
import dev.openesc.api.Permission;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which permissions each organization role grants. The default: members read, open and write
 * environments; admins also administer the organization. Kept as data so that a stricter table (members
 * who may read but not open, say) is a constructor argument, not a code change.
 */
public final class AccessPolicy {

    private final Map<OrgRole, Set<Permission>> grants;

    public AccessPolicy(Map<OrgRole, Set<Permission>> grants) {
        EnumMap<OrgRole, Set<Permission>> copy = new EnumMap<>(OrgRole.class);
        for (OrgRole role : OrgRole.values()) {
            Set<Permission> granted = grants.get(role);
            copy.put(role, granted == null || granted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(granted)));
        }
        this.grants = copy;
    }

    public static AccessPolicy defaults() {
        return new AccessPolicy(Map.of(
                OrgRole.MEMBER, EnumSet.of(Permission.READ, Permission.OPEN, Permission.WRITE),
                OrgRole.ADMIN, EnumSet.allOf(Permission.class)));
    }

    public boolean grants(OrgRole role, Permission permission) {
        return grants.get(role).contains(permission);
    }
}
