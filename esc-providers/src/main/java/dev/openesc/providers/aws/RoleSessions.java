package dev.openesc.providers.aws;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.providers.identity.IdToken;

/** Trades an OIDC token for a role session: AWS STS {@code AssumeRoleWithWebIdentity}, or a test's stand-in. */
interface RoleSessions {

    /**
     * @throws ProviderException with the cloud's reason (AccessDenied, InvalidIdentityToken, unreachable, timed
     *                           out); never the token or a key in its message
     */
    SessionCredentials assume(AwsLoginRequest.Oidc request, IdToken token) throws ProviderException;
}
