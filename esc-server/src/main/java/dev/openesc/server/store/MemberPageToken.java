package dev.openesc.server.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The continuation token of a member listing: the last login of the page, base64url-encoded so that
 * clients treat it as opaque (the reference's tokens are) and a login never has to be escaped in a query.
 */
final class MemberPageToken {

    private MemberPageToken() {
    }

    static String of(String login) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(login.getBytes(StandardCharsets.UTF_8));
    }

    /** The login the next page starts after; "" (before every login) for none. */
    static String login(String token) {
        if (token == null || token.isEmpty()) {
            return "";
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid member page token", e);
        }
    }
}
