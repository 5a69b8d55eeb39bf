package dev.openesc.providers.testing;

import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.identity.IdentityTokens;
import dev.openesc.providers.identity.TokenRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An issuer for provider tests: it records what each provider asked for and hands out a distinct opaque token per
 * request, so a test can check which token reached which cloud call.
 */
public final class RecordingTokens implements IdentityTokens {

    public static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public IdToken issue(TokenRequest request) {
        requests.add(request);
        String token = "eyJhbGciOiJSUzI1NiJ9.signed-for-" + request.audience() + "." + requests.size();
        return new IdToken(token, "kid-1", request.subject(), request.audience(), NOW.plus(request.lifetime()));
    }

    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** The one request made; fails when there was none or more. */
    public TokenRequest only() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one token request, got " + requests.size());
        }
        return requests.get(0);
    }

    /** The token handed out for the last request. */
    public String lastToken() {
        TokenRequest last = requests.get(requests.size() - 1);
        return "eyJhbGciOiJSUzI1NiJ9.signed-for-" + last.audience() + "." + requests.size();
    }
}
