package dev.openesc.cli.env;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --subject-attribute} option of the OIDC provider commands ({@code esc env provider <cloud>-login oidc}),
 * mixed into each: the attributes the server's identity token puts in its subject, written to the block as
 * {@code subjectAttributes}.
 */
final class SubjectAttributes {
    @Option(names = "--subject-attribute", paramLabel = "ATTRIBUTE",
            description = "OIDC subject attribute to include in the token's subject (repeatable)")
    private List<String> values = new ArrayList<>();

    /** The attributes given, in the order given; empty when none. */
    List<String> values() {
        return values;
    }
}
