package dev.openesc.client;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A successful answer: status, headers and the body bytes. */
record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The {@code Pulumi-ESC-Revision} header, or 0 when absent. */
    long revision() {
        String value = header("Pulumi-ESC-Revision");
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The {@code ETag} header without its quotes. */
    String etag() {
        String value = header("ETag");
        if (value == null) {
            return null;
        }
        String etag = value.strip();
        if (etag.startsWith("W/")) {
            etag = etag.substring(2);
        }
        if (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            etag = etag.substring(1, etag.length() - 1);
        }
        return etag;
    }
}
