package dev.openesc.providers.oidc;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.value.ExecContext;
import dev.openesc.providers.LoginContext;
import dev.openesc.providers.identity.Audience;
import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.identity.IdentityTokenException;
import dev.openesc.providers.identity.IdentityTokens;
import dev.openesc.providers.identity.SubjectAttribute;
import dev.openesc.providers.identity.TokenRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens a login provider presents: who opens which environment comes from the execution context, the audience
 * and subject attributes from the provider's inputs, the signature from the server's issuer. Issuer failures become
 * the provider's diagnostic.
 */
public final class LoginTokens {

    /** What the reference's login providers ask for: the longest a token may live. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final IdentityTokens tokens;

    public LoginTokens(IdentityTokens tokens) {
        this.tokens = tokens;
    }

    /** A token whose audience is the cloud's form ({@code azure:<org>}, the bare org for Vault or the default project). */
    public IdToken issue(ExecContext context, Audience audience, List<String> subjectAttributes, Duration lifetime)
            throws ProviderException {
        LoginContext login = loginContext(context);
        return issue(login, audience.of(login.org(), projectOf(login.rootEnvironment())), subjectAttributes, lifetime);
    }

    /** A token for an audience the environment names itself (the generic {@code oidc} provider). */
    public IdToken issue(ExecContext context, String audience, List<String> subjectAttributes, Duration lifetime)
            throws ProviderException {
        return issue(loginContext(context), audience, subjectAttributes, lifetime);
    }

    private IdToken issue(LoginContext login, String audience, List<String> subjectAttributes, Duration lifetime)
            throws ProviderException {
        try {
            List<SubjectAttribute> attributes = new ArrayList<>();
            for (String name : subjectAttributes) {
                attributes.add(SubjectAttribute.named(name));
            }
            return tokens.issue(new TokenRequest(login.org(), login.rootEnvironment(), login.currentEnvironment(),
                    login.user(), audience, attributes, lifetime));
        } catch (IdentityTokenException e) {
            throw new ProviderException(e.getMessage());
        }
    }

    private static LoginContext loginContext(ExecContext context) throws ProviderException {
        LoginContext login = LoginContext.of(context);
        if (login.org().isEmpty()) {
            throw new ProviderException("cannot issue an OIDC token: the environment is opened outside an organization");
        }
        return login;
    }

    /** The project of {@code <project>/<env>}; a legacy name without one is in the default project. */
    private static String projectOf(String environment) {
        int slash = environment.indexOf('/');
        return slash < 0 ? Audience.LEGACY_PROJECT : environment.substring(0, slash);
    }
}
