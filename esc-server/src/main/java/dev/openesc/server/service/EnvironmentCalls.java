package dev.openesc.server.service;

import dev.openesc.api.Caller;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.Permission;
import dev.openesc.server.store.EnvironmentId;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way a service call on an environment reaches the store. The caller's right in the environment's
 * organization is checked before anything else, the call's own checks of names included, so an outsider
 * learns nothing about an organization's environments, not even that a name is malformed; then the work
 * runs against the environment's id with the store's failures turned into the API's.
 */
record EnvironmentCalls(AccessControl access) {

    <T> T call(Caller caller, EnvironmentRef environment, Permission permission, Function<EnvironmentId, T> work) {
        EnvironmentId id = require(caller, environment, permission);
        return StoreCalls.call(() -> work.apply(id));
    }

    /**
     * The caller's right checked, the environment's id: for a call that then reaches the store itself, without the
     * lambda of {@link #call} (a start-up path of the CLI, docs/decisions.md 25).
     */
    EnvironmentId require(Caller caller, EnvironmentRef environment, Permission permission) {
        access.require(caller, environment.org(), permission);
        return ApiViews.id(environment);
    }

    void run(Caller caller, EnvironmentRef environment, Permission permission, Consumer<EnvironmentId> work) {
        call(caller, environment, permission, id -> {
            work.accept(id);
            return null;
        });
    }
}
