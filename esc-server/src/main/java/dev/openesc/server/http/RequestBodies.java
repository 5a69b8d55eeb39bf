package dev.openesc.server.http;

import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads request bodies within the size limit. The limit is enforced twice: on the declared
 * {@code Content-Length} before anything is read, and while reading, for chunked bodies that declare
 * none. Whatever the content type says, the bytes are read as they are (the reference CLI labels YAML
 * as JSON; the SDK sends an empty form-encoded body to {@code open}).
 */
final class RequestBodies {

    private final long limit;

    RequestBodies(long limit) {
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** Rejects a request whose declared length is over the limit, before its body is read. */
    void checkDeclaredLength(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw HttpFailure.tooLarge(limit);
        }
    }

    byte[] read(Context ctx) {
        checkDeclaredLength(ctx);
        Object cached = ctx.attribute(CACHE);
        if (cached instanceof byte[] bytes) {
            return bytes;
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = readAtMost(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        ctx.attribute(CACHE, bytes);
        return bytes;
    }

    private static final String CACHE = RequestBodies.class.getName() + ".body";

    private byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                throw HttpFailure.tooLarge(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
