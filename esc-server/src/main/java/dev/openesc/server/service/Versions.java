package dev.openesc.server.service;

import dev.openesc.api.EscException;
import dev.openesc.api.Names;
import java.util.regex.Pattern;

/** The {@code version} of the API: a revision number, a revision tag name, or null for the latest. */
final class Versions {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    private Versions() {
    }

    /** The version as the store reads it ({@code "latest"} for null); InvalidRequest if it is neither form. */
    static String normalize(String version) {
        if (version == null || version.isEmpty()) {
            return "latest";
        }
        if (NUMBER.matcher(version).matches()) {
            if (Long.parseLong(version) < 1) {
                throw new EscException.NotFound("revision " + version + " not found");
            }
            return version;
        }
        if (version.chars().allMatch(Character::isDigit)) {
            throw new EscException.InvalidRequest("invalid revision number: too long");
        }
        return Names.requireRevisionTag(version);
    }
}
