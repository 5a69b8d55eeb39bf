package dev.openesc.server.http;

import dev.openesc.api.Caller;
import dev.openesc.api.EscService;
import io.javalin.http.Context;

import java.util.Locale;

/**
 * Authenticates every API request once, before its handler: reads {@code Authorization: token <TOKEN>}
 * (the scheme the ESC clients send; {@code Bearer} is accepted too) and asks the service who it belongs
 * to. A missing or unknown token fails here with 401, so a handler always has a caller.
 */
final class TokenAuthentication {

    static final String LOGIN_ATTRIBUTE = TokenAuthentication.class.getName() + ".login";
    private static final String CALLER_ATTRIBUTE = TokenAuthentication.class.getName() + ".caller";

    private final EscService service;

    TokenAuthentication(EscService service) {
        this.service = service;
    }

    void authenticate(Context ctx) {
        Caller caller = service.authenticate(token(ctx.header("Authorization")), ctx.req().getRemoteAddr());
        ctx.attribute(CALLER_ATTRIBUTE, caller);
        ctx.attribute(LOGIN_ATTRIBUTE, caller.login());
    }

    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER_ATTRIBUTE);
        if (caller == null) {
            throw HttpFailure.unauthorized(); // a route outside the authenticated prefix asked for a caller
        }
        return caller;
    }

    /** The token text of an Authorization header, or null when there is none in a known scheme. */
    static String token(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        if (!scheme.equals("token") && !scheme.equals("bearer")) {
            return null;
        }
        String token = value.substring(space + 1).strip();
        return token.isEmpty() ? null : token;
    }
}
