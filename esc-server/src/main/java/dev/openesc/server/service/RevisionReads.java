package dev.openesc.server.service;

import dev.openesc.api.Caller;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.Names;
import dev.openesc.api.Permission;
import dev.openesc.server.crypto.CryptoException;
import dev.openesc.server.store.EnvironmentId;
import dev.openesc.server.store.EnvironmentStore;
import dev.openesc.server.store.MemberView;
import dev.openesc.server.store.Revision;
import dev.openesc.server.store.StoreException;

/** Finds the revision a read names: the head, a number or a revision tag. */
final class RevisionReads {

    private final EnvironmentStore environments;
    private final AccessControl access;

    RevisionReads(EnvironmentStore environments, AccessControl access) {
        this.environments = environments;
        this.access = access;
    }

    /**
     * A revision the caller may see with the permission. The head, which nearly every read asks for, comes with
     * the caller's membership in one statement; access is checked on that membership before anything of the
     * environment is used, with the same outcomes as {@link AccessControl#require(Caller, String, Permission)}.
     */
    Revision readable(Caller caller, EnvironmentRef environment, String version, Permission permission) {
        if (version != null && !version.isEmpty()) {
            access.require(caller, environment.org(), permission);
            return revision(environment, version);
        }
        Names.requireOrganization(environment.org());
        EnvironmentId id = ApiViews.id(environment);
        // Plain calls, no lambdas: every `esc env get` and `esc run` starts here (docs/decisions.md 25).
        try {
            MemberView view = environments.latestAsSeenBy(id, caller.login());
            access.require(caller, environment.org(), permission, view.role());
            return view.head().isPresent() ? view.head().get() : environments.latest(id);
        } catch (StoreException | CryptoException e) {
            throw StoreCalls.translated(e);
        }
    }

    /** The revision {@code version} names (empty or null: the head); access is the caller's to check. */
    Revision revision(EnvironmentRef environment, String version) {
        EnvironmentId id = ApiViews.id(environment);
        String normalized = version == null || version.isEmpty() ? null : Versions.normalize(version);
        try { // no lambda: `esc run` reads the head here at start-up (docs/decisions.md 25)
            return normalized == null ? environments.latest(id) : environments.revision(id, normalized);
        } catch (StoreException | CryptoException e) {
            throw StoreCalls.translated(e);
        }
    }
}
