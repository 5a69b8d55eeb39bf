package dev.openesc.cli.backend;

/**
 * The reference CLI's words for the service's "not found" and "already exists" answers. Its commands print the
 * service's error after their own context ({@code getting environment definition: not found}) and users and
 * scripts look for those words; the environment is the one the command line named, so repeating its full name
 * adds nothing. Answers about anything else (an organization, a revision, a property) keep the service's text,
 * which names what is missing.
 */
final class ReferenceWording {
    private ReferenceWording() {}

    static String notFound(String message) {
        if (message == null) {
            return "not found";
        }
        if (message.startsWith("environment ") && message.endsWith(" not found")) {
            return "not found";
        }
        if (message.startsWith("tag ") && message.endsWith(" not found")) {
            return "tag not found";
        }
        return message;
    }

    static String conflict(String message) {
        if (message == null) {
            return "already exists";
        }
        if (message.startsWith("environment ") && message.endsWith(" already exists")) {
            return "already exists";
        }
        return message;
    }
}
