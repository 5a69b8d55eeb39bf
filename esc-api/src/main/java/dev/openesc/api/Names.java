package dev.openesc.api;

import java.util.regex.Pattern;

/**
 * The naming rules of the API, shared by the server (which enforces them) and clients (which check early).
 * Only ASCII letters, digits and a few marks are allowed, so path tricks ({@code ..}, {@code /}, NUL) and
 * Unicode look-alikes are rejected, as are names over the length limits. Violations are
 * {@link EscException.InvalidRequest}s whose message names the rule.
 */
public final class Names {

    /** The project legacy two-part names ({@code org/env}) live in; accepted on paths, never created anew. */
    public static final String LEGACY_PROJECT = "default";

    public static final int MAX_NAME = 100;

    private static final Pattern ORG = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-_]{1,38}[a-zA-Z0-9]");
    private static final Pattern PROJECT = Pattern.compile("(?!(\\.|\\.\\.|default))[a-zA-Z0-9-_.]+");
    private static final Pattern ENVIRONMENT = Pattern.compile("(?!(\\.|\\.\\.|open|yaml))[a-zA-Z0-9-_.]+");
    private static final Pattern LOGIN = Pattern.compile("(?!\\.)[a-zA-Z0-9-_.]+");
    private static final Pattern REVISION_TAG = Pattern.compile("[a-zA-Z0-9-_.]+");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final int MAX_TAG_VALUE = 1000;

    private Names() {
    }

    public static boolean isOrganization(String name) {
        return name != null && ORG.matcher(name).matches();
    }

    /** Whether the name may be given to a new project ({@code default} may not). */
    public static boolean isProject(String name) {
        return name != null && name.length() <= MAX_NAME && PROJECT.matcher(name).matches();
    }

    public static boolean isEnvironment(String name) {
        return name != null && name.length() <= MAX_NAME && ENVIRONMENT.matcher(name).matches();
    }

    public static String requireOrganization(String name) {
        if (!isOrganization(name)) {
            throw invalid("organization", name, "3 to 40 letters, digits, '-' or '_', starting and ending with a "
                    + "letter or digit");
        }
        return name;
    }

    /** A project name as it may appear in a path: a valid new name, or the legacy {@code default}. */
    public static String requireProject(String name) {
        if (!LEGACY_PROJECT.equals(name) && !isProject(name)) {
            throw invalid("project", name, "1 to 100 letters, digits, '-', '_' or '.', not starting with '.' or "
                    + "'default'");
        }
        return name;
    }

    /** A project name for a new environment: {@code default} is refused. */
    public static String requireNewProject(String name) {
        if (!isProject(name)) {
            throw invalid("project", name, "1 to 100 letters, digits, '-', '_' or '.', not starting with '.' or "
                    + "'default'");
        }
        return name;
    }

    public static String requireEnvironment(String name) {
        if (!isEnvironment(name)) {
            throw invalid("environment", name, "1 to 100 letters, digits, '-', '_' or '.', not starting with '.', "
                    + "'open' or 'yaml'");
        }
        return name;
    }

    public static boolean isLogin(String name) {
        return name != null && name.length() <= MAX_NAME && LOGIN.matcher(name).matches();
    }

    /**
     * A login for a new user: the environment-name alphabet (so no path tricks or look-alikes in the URLs that
     * name users), at most 100 characters, not starting with '.'.
     */
    public static String requireLogin(String name) {
        if (!isLogin(name)) {
            throw invalid("user", name, "1 to 100 letters, digits, '-', '_' or '.', not starting with '.'");
        }
        return name;
    }

    /**
     * A revision tag name: letters, digits, '-', '_', '.' (at most 100), and not a number, since versions
     * are named by number or by tag.
     */
    public static String requireRevisionTag(String name) {
        if (name == null || name.length() > MAX_NAME || !REVISION_TAG.matcher(name).matches()
                || NUMBER.matcher(name).matches()) {
            throw invalid("revision tag", name, "1 to 100 letters, digits, '-', '_' or '.', not only digits");
        }
        return name;
    }

    /** An environment tag name: 1 to 100 characters, no control characters. */
    public static String requireEnvironmentTag(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || hasControl(name)) {
            throw invalid("tag", name, "1 to 100 characters without control characters");
        }
        return name;
    }

    /** An environment tag value: at most 1000 characters, no control characters. */
    public static String requireEnvironmentTagValue(String value) {
        if (value == null || value.length() > MAX_TAG_VALUE || hasControl(value)) {
            throw new EscException.InvalidRequest("invalid tag value: at most " + MAX_TAG_VALUE
                    + " characters without control characters");
        }
        return value;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static EscException.InvalidRequest invalid(String what, String name, String rule) {
        return new EscException.InvalidRequest("invalid " + what + " name " + shown(name) + ": " + rule);
    }

    /** The name as it may be echoed in an error: printable ASCII only, and not too long. */
    static String shown(String name) {
        if (name == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("\"");
        int limit = Math.min(name.length(), 120);
        for (int i = 0; i < limit; i++) {
            char c = name.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append(name.length() > limit ? "...\"" : "\"").toString();
    }
}
