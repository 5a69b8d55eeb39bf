package dev.openesc.server.http;

import java.io.Serial;

/**
 * A request that failed at the HTTP level, before any service call: no or unknown token, a body over the
 * limit, a JSON body that does not parse. The message goes to the client as is, so it never quotes the
 * request (a body may hold a secret, a header a token).
 */
final class HttpFailure extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpFailure unauthorized() {
        return new HttpFailure(401, "unauthorized: a valid access token is required (Authorization: token <TOKEN>)");
    }

    static HttpFailure badRequest(String message) {
        return new HttpFailure(400, message);
    }

    static HttpFailure tooLarge(long limit) {
        return new HttpFailure(413, "request body too large: the limit is " + limit + " bytes");
    }
}
