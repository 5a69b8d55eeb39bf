package dev.openesc.server.http;

import io.javalin.http.Context;

/**
 * Query parameters as the clients send them: an empty value means the parameter is absent (the SDK sends
 * {@code ?before=&count=} for arguments it was not given).
 */
final class Queries {

    private Queries() {
    }

    static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    static Integer integer(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw HttpFailure.badRequest("query parameter '" + name + "' must be a whole number");
        }
    }

    static Long whole(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw HttpFailure.badRequest("query parameter '" + name + "' must be a whole number");
        }
    }

    static boolean flag(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw HttpFailure.badRequest("query parameter '" + name + "' must be true or false");
        };
    }
}
