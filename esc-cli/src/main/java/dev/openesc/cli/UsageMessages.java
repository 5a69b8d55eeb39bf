package dev.openesc.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewords picocli's usage errors the way the reference words them, where scripts depend on the words. */
final class UsageMessages {
    private static final Pattern UNKNOWN_OPTION = Pattern.compile("Unknown options?: '?(-[^',]+)'?.*");

    private UsageMessages() {}

    static String toReferenceWording(String message) {
        Matcher m = UNKNOWN_OPTION.matcher(message);
        if (m.matches()) {
            String flag = m.group(1);
            return flag.startsWith("--") ? "unknown flag: " + flag : "unknown shorthand flag: '" + flag.charAt(1)
                    + "' in " + flag;
        }
        return message;
    }
}
