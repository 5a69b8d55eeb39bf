package dev.openesc.server.service;

import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EscException;
import dev.openesc.core.provider.EnvironmentLoadException;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.server.store.EnvironmentId;
import dev.openesc.server.store.EnvironmentStore;
import dev.openesc.server.store.Revision;
import dev.openesc.server.store.StoreException;

/**
 * Resolves imports to the stored environments of one organization: {@code project/env}, a legacy plain
 * {@code env} (project {@code default}), either optionally pinned with {@code @version} (a revision number
 * or tag). Every import gets the organization's decrypter; other organizations are out of reach, since a
 * name never leaves the organization it is resolved in.
 */
final class OrgEnvironmentLoader implements EnvironmentLoader {

    private final EnvironmentStore environments;
    private final String org;
    private final OrgSecrets secrets;

    OrgEnvironmentLoader(EnvironmentStore environments, String org, OrgSecrets secrets) {
        this.environments = environments;
        this.org = org;
        this.secrets = secrets;
    }

    @Override
    public LoadedEnvironment load(String name) throws EnvironmentLoadException {
        int at = name.indexOf('@');
        String path = at < 0 ? name : name.substring(0, at);
        String version = at < 0 ? null : name.substring(at + 1);
        EnvironmentRef ref;
        String normalized;
        try {
            ref = EnvironmentRef.within(org, path);
            normalized = version == null ? null : Versions.normalize(version);
        } catch (EscException e) {
            throw new EnvironmentLoadException(e.getMessage());
        }
        EnvironmentId id = new EnvironmentId(org, ref.project(), ref.name());
        try {
            Revision revision = normalized == null ? environments.latest(id) : environments.revision(id, normalized);
            return new LoadedEnvironment(revision.definition(), secrets);
        } catch (StoreException.NotFound e) {
            throw new EnvironmentLoadException("environment \"" + name + "\" not found");
        } catch (StoreException e) {
            throw new EnvironmentLoadException("environment \"" + name + "\" could not be loaded", e);
        }
    }
}
