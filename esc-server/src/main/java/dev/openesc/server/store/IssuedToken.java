package dev.openesc.server.store;

/**
 * A token just issued: the only time its secret text exists outside the caller's hands. Show it once;
 * the store keeps only its hash.
 */
public record IssuedToken(AccessToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + ", secret=***]";
    }
}
