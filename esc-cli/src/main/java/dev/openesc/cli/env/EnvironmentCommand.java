package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.WorkspaceCommand;
import dev.openesc.cli.backend.Backend;
import dev.openesc.core.ast.DiagnosticTextWriter;
import dev.openesc.core.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What the environment commands share: resolving references and printing diagnostics. */
public abstract class EnvironmentCommand extends WorkspaceCommand {

    public Backend backend() {
        return workspace().backend();
    }

    protected String defaultOrg() {
        return backend().account().defaultOrg();
    }

    /** Parses a reference; the default organization is needed (and its absence an error) only when it names none. */
    private EnvironmentRef parse(String text) {
        Backend.Account account = backend().account();
        EnvironmentRef ref = EnvironmentRef.parse(text, account.hasDefaultOrg() ? account.defaultOrg() : null);
        if (ref.org() == null) {
            account.defaultOrg(); // throws: the caller has no organization to default to
        }
        return ref;
    }

    /**
     * Resolves a reference to an environment that should exist. A two-part {@code a/b} is {@code project/env} in
     * the default org unless only {@code a/default/b} exists; both existing is an error.
     */
    protected EnvironmentRef existingRef(String text) {
        EnvironmentRef ref = parse(text);
        checkName(ref);
        if (!ref.ambiguous()) {
            return ref;
        }
        EnvironmentRef legacy = ref.legacy();
        boolean exists = backend().exists(ref.name());
        boolean legacyExists = !legacy.org().isEmpty() && backend().exists(legacy.name());
        if (exists && legacyExists) {
            throw new EscException("ambiguous path provided\n\nEnvironments found at both '" + ref + "' and '"
                    + legacy + "'.\nPlease specify the full path as <org-name>/<project-name>/<env-name>");
        }
        EnvironmentRef chosen = legacyExists ? legacy : ref;
        if (legacyExists || isOrg(ref.project())) {
            warnAmbiguous(text, chosen);
        }
        return chosen;
    }

    /** {@link #existingRef} for a command that works on the environment, not a revision: {@code ENV@VERSION} fails. */
    protected EnvironmentRef existingUnversionedRef(String text, String command) {
        EnvironmentRef ref = existingRef(text);
        if (ref.hasVersion()) {
            throw new EscException("the " + command + " command does not accept versions");
        }
        return ref;
    }

    /**
     * Resolves a reference to an environment about to be made: {@code a/b} is the legacy {@code a/default/b} when
     * {@code a} is one of the caller's organizations that already uses the default project.
     */
    protected EnvironmentRef newRef(String text) {
        EnvironmentRef ref = parse(text);
        checkName(ref);
        if (!ref.ambiguous() || !isOrg(ref.project())) {
            return ref;
        }
        boolean legacy = backend().listEnvironments(ref.project()).stream()
                .anyMatch(e -> e.project().equals(EnvironmentRef.DEFAULT_PROJECT));
        EnvironmentRef chosen = legacy ? ref.legacy() : ref;
        warnAmbiguous(text, chosen);
        return chosen;
    }

    private boolean isOrg(String name) {
        // A loop, not a stream and lambda: every command on an environment asks this at start (docs/decisions.md 25).
        for (String org : backend().account().orgs()) {
            if (org.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private void warnAmbiguous(String text, EnvironmentRef chosen) {
        err().println("warning: environment reference \"" + text + "\" is ambiguous (resolved to "
                + chosen.withVersion("") + "). Use <org>/<project>/<environment> instead.");
    }

    private static void checkName(EnvironmentRef ref) {
        if (ref.env().isEmpty()) {
            throw new EscException("no environment name specified");
        }
        if (ref.org().isEmpty() || ref.project().isEmpty()) {
            throw new EscException("invalid environment reference \"" + ref + "\": an empty organization or project"
                    + " name (expected [<org-name>/][<project-name>/]<environment-name>[@<version>])");
        }
    }

    /** Prints diagnostics as {@code env:line:column: summary}, one a line, sorted by position. */
    protected void printShortDiagnostics(List<Diagnostic> diagnostics) {
        for (Diagnostic d : sorted(diagnostics)) {
            StringBuilder b = new StringBuilder();
            if (d.subject() != null) {
                b.append(d.subject().filename()).append(':');
                if (d.subject().start().line() != 0) {
                    b.append(d.subject().start().line()).append(':').append(d.subject().start().column())
                            .append(':');
                }
                b.append(' ');
            }
            err().println(b.append(d.summary()));
        }
    }

    /** Prints diagnostics with the source lines they point at, as the reference prints definition errors. */
    protected void printSourceDiagnostics(byte[] yaml, List<Diagnostic> diagnostics) {
        Map<String, byte[]> sources = new java.util.HashMap<>();
        for (Diagnostic d : diagnostics) {
            if (d.subject() != null) {
                sources.put(d.subject().filename(), yaml);
            }
        }
        DiagnosticTextWriter writer = new DiagnosticTextWriter(sources, 0, false);
        StringBuilder b = new StringBuilder();
        writer.write(b, sorted(diagnostics));
        err().print(b);
    }

    protected static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        List<Diagnostic> list = new ArrayList<>(diagnostics);
        list.sort(Comparator.<Diagnostic, Boolean>comparing(d -> d.subject() != null)
                .thenComparing(d -> d.subject() == null ? d.summary() : d.subject().filename())
                .thenComparingInt(d -> d.subject() == null ? 0 : d.subject().start().line())
                .thenComparingInt(d -> d.subject() == null ? 0 : d.subject().start().column()));
        return list;
    }

    protected static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
