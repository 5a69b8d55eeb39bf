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

    /**
     * How much of a refused body is read and dropped before answering 413. A client that is still sending
     * when the server closes the connection gets a reset instead of the answer, so the rest of a moderately
     * oversized body is swallowed first; past this, the connection is given up.
     */
    private static final long SWALLOW_LIMIT = 16L * 1024 * 1024;

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
            if (declared <= SWALLOW_LIMIT) {
                swallowRest(ctx);
            }
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
            if (bytes == null) {
                swallow(in, SWALLOW_LIMIT);
                throw HttpFailure.tooLarge(limit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        ctx.attribute(CACHE, bytes);
        return bytes;
    }

    private static final String CACHE = RequestBodies.class.getName() + ".body";

    /** The body, or null when it is longer than the limit (the excess is then left in the stream). */
    private byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void swallowRest(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            swallow(in, SWALLOW_LIMIT);
        } catch (IOException e) {
            // The client went away: nothing to answer it anyway.
        }
    }

    private static void swallow(InputStream in, long atMost) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while (total < atMost && (n = in.read(buffer)) >= 0) {
            total += n;
        }
    }
}
