package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.Backend;
import dev.openesc.cli.render.IndentedJson;
import dev.openesc.cli.run.CommandResolver;
import dev.openesc.cli.run.CommandRunner;
import dev.openesc.cli.run.RunSpec;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc env edit}: opens the definition in {@code --editor}, {@code $VISUAL} or {@code $EDITOR} (else
 * {@code vi}) with the current values below it for reference, and saves what the editor leaves above the
 * {@code ---} line. When the new definition has errors they are shown and, after ENTER, the editor opens again
 * with them listed; ^D or an empty definition aborts. {@code -f FILE} (or {@code -f -}) saves a file's content.
 */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Edit an environment definition.",
            "",
            "Opens the definition in $VISUAL or $EDITOR (default vi), or saves the content of -f FILE",
            "(- for standard input)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:updated, or the edit was aborted", "1:unknown environment, no editor, invalid definition "
            + "with -f", "2:usage error"})
public final class EnvEditCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>")
    private String name;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "the file holding the new definition")
    private String file;

    @Option(names = "--editor", paramLabel = "EDITOR", description = "the command to edit the definition with")
    private String editor;

    @Option(names = "--show-secrets", description = "show static secrets in plaintext rather than ciphertext")
    private boolean showSecrets;

    @Override
    public Integer call() throws IOException {
        EnvironmentRef ref = existingRef(name);
        if (ref.hasVersion()) {
            throw new EscException("the edit command does not accept versions");
        }
        if (file != null && !file.isEmpty()) {
            byte[] yaml;
            try {
                yaml = file.equals("-") ? workspace().in().readAllBytes() : Files.readAllBytes(workspace().file(file));
            } catch (IOException e) {
                throw new EscException("reading environment definition: " + e.getMessage());
            }
            List<Diagnostic> diags = backend().update(ref.name(), yaml, null);
            printSourceDiagnostics(yaml, diags);
            if (hasErrors(diags)) {
                return ExitCodes.FAILURE;
            }
            out().println("Environment updated.");
            return ExitCodes.OK;
        }
        List<String> command = editorCommand();
        Backend.Definition def = definition(ref);
        byte[] yaml = def.yaml();
        Backend.Checked checked = yaml.length == 0 ? new Backend.Checked(null, List.of())
                : backend().check(ref.org(), ref.env(), yaml, showSecrets);
        List<Diagnostic> diags = checked.diagnostics();
        while (true) {
            byte[] edited = runEditor(command, yaml, checked.environment() == null ? null
                    : checked.environment().properties(), diags);
            if (new String(edited, StandardCharsets.UTF_8).isBlank()) {
                err().println("Aborting edit due to empty definition.");
                return ExitCodes.OK;
            }
            diags = backend().update(ref.name(), edited, def.etag());
            if (diags.isEmpty()) {
                out().println("Environment updated.");
                return ExitCodes.OK;
            }
            printSourceDiagnostics(edited, diags);
            if (!hasErrors(diags)) {
                return ExitCodes.OK;
            }
            err().println("Press ENTER to continue editing or ^D to exit");
            if (workspace().in().read() < 0) {
                err().println("Aborting edit.");
                return ExitCodes.OK;
            }
            yaml = edited;
            checked = new Backend.Checked(null, List.of());
        }
    }

    private Backend.Definition definition(EnvironmentRef ref) {
        try {
            return backend().definition(ref.name(), null, showSecrets);
        } catch (dev.openesc.cli.backend.BackendException e) {
            throw new EscException("getting environment definition: " + e.getMessage());
        }
    }

    /** The editor and its arguments, its program found on the PATH. */
    private List<String> editorCommand() {
        String e = editor;
        if (e == null || e.isBlank()) {
            e = workspace().getenv("VISUAL");
        }
        if (e == null || e.isBlank()) {
            e = workspace().getenv("EDITOR");
        }
        List<String> argv = EditorCommand.split(e == null ? "" : e);
        String path = workspace().getenv("PATH");
        if (argv.isEmpty()) {
            if (CommandResolver.resolve("vi", path) instanceof CommandResolver.Resolution.Found found) {
                return new ArrayList<>(List.of(found.program().toString()));
            }
            throw new EscException("no available editor; please use the --editor flag or set one of the VISUAL "
                    + "or EDITOR environment variables");
        }
        if (argv.get(0).equals("code") && argv.size() == 1) {
            // VS Code returns at once unless told to wait for the file to be closed.
            argv.add("-w");
        }
        if (!(CommandResolver.resolve(argv.get(0), path) instanceof CommandResolver.Resolution.Found found)) {
            throw new EscException("finding \"" + argv.get(0) + "\" on path: command not found");
        }
        argv.set(0, found.program().toString());
        return argv;
    }

    private byte[] runEditor(List<String> command, byte[] yaml, Map<String, Value> values, List<Diagnostic> diags)
            throws IOException {
        StringBuilder text = new StringBuilder(new String(yaml, StandardCharsets.UTF_8));
        StringBuilder details = new StringBuilder();
        if (!diags.isEmpty()) {
            StringBuilder d = new StringBuilder("# Diagnostics\n\n");
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            java.io.PrintStream saved = new java.io.PrintStream(buffer, true, StandardCharsets.UTF_8);
            new dev.openesc.core.ast.DiagnosticTextWriter(Map.of(), 0, false).write(d, sorted(diags));
            saved.close();
            details.append("---\n").append(d.toString().replace("\n", "\n# ")).append('\n');
        }
        if (values != null) {
            details.append("---\n")
                    .append("# Please edit the environment definition above.\n")
                    .append("# The object below is the current result of\n")
                    .append("# evaluating the environment and will not be\n")
                    .append("# saved. An empty definition aborts the edit.\n\n")
                    .append(IndentedJson.plain(Value.ofMap(values), !showSecrets)).append('\n');
        }
        if (details.length() != 0 && text.length() != 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        text.append(details);
        Path tmp = Files.createTempFile("esc-edit-", ".yaml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, text);
            List<String> argv = new ArrayList<>(command);
            argv.add(tmp.toString());
            boolean terminal = workspace().in() == System.in && workspace().out() == System.out;
            RunSpec.Builder spec = RunSpec.of(argv).environment(workspace().environ()).interactive(terminal)
                    .directory(workspace().file("."));
            if (!terminal) {
                spec.stdin(workspace().in()).stdout(workspace().out()).stderr(workspace().err());
            }
            int status = new CommandRunner().run(spec.build());
            if (status != 0) {
                throw new EscException("editor: exit status " + status);
            }
            return cutAtSeparator(Files.readAllBytes(tmp));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What the editor left above the first {@code ---} line: the details below it are not saved. */
    private static byte[] cutAtSeparator(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        int at = 0;
        while ((at = s.indexOf("---", at)) >= 0) {
            boolean lineStart = at == 0 || s.charAt(at - 1) == '\n';
            boolean lineEnd = at + 3 == s.length() || s.charAt(at + 3) == '\n';
            if (lineStart && lineEnd) {
                return s.substring(0, at).getBytes(StandardCharsets.UTF_8);
            }
            at += 3;
        }
        return content;
    }
}
