package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.Backend;
import dev.openesc.core.syntax.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc env edit}: opens the definition in {@code $VISUAL} or {@code $EDITOR} (or {@code --editor}) and saves
 * what the editor leaves; with {@code -f FILE} (or {@code -f -}) saves that file's content instead. When the new
 * definition has errors, the editor opens again with them listed at the top; an empty file aborts.
 */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Edit an environment definition.",
            "",
            "Opens the definition in $VISUAL or $EDITOR, or saves the content of -f FILE (- for stdin)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:updated (or aborted)", "1:unknown environment, no editor, definition errors with -f",
            "2:usage error"})
public final class EnvEditCommand extends EnvironmentCommand implements Callable<Integer> {
    private static final String ERRORS_MARKER = "# Please correct the following errors and save again:";

    @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>")
    private String name;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "the file holding the new definition")
    private String file;

    @Option(names = "--editor", paramLabel = "EDITOR", description = "the editor to use, with its arguments")
    private String editor;

    @Option(names = "--show-secrets", description = "show static secrets in plaintext rather than ciphertext")
    private boolean showSecrets;

    @Override
    public Integer call() throws IOException, InterruptedException {
        EnvironmentRef ref = existingRef(name);
        if (ref.hasVersion()) {
            throw new EscException("the edit command does not accept versions");
        }
        Backend.Definition def = backend().definition(ref.name(), null, showSecrets);
        if (file != null) {
            byte[] yaml = file.equals("-") ? workspace().in().readAllBytes() : Files.readAllBytes(workspace().file(file));
            List<Diagnostic> diags = backend().update(ref.name(), yaml, def.etag());
            if (hasErrors(diags)) {
                printSourceDiagnostics(yaml, diags);
                throw new EscException("updating environment definition: too many errors");
            }
            out().println("Environment updated.");
            return ExitCodes.OK;
        }
        List<String> command = editorCommand();
        byte[] text = def.yaml();
        String errors = "";
        while (true) {
            byte[] edited = runEditor(command, errors, text);
            String content = stripErrors(new String(edited, StandardCharsets.UTF_8));
            if (content.isBlank()) {
                err().println("Aborting edit due to empty definition.");
                return ExitCodes.OK;
            }
            byte[] yaml = content.getBytes(StandardCharsets.UTF_8);
            List<Diagnostic> diags = backend().update(ref.name(), yaml, def.etag());
            if (!hasErrors(diags)) {
                out().println("Environment updated.");
                return ExitCodes.OK;
            }
            StringBuilder b = new StringBuilder(ERRORS_MARKER).append('\n');
            for (Diagnostic d : sorted(diags)) {
                b.append("#   ").append(d).append('\n');
            }
            errors = b.append('\n').toString();
            text = yaml;
        }
    }

    private List<String> editorCommand() {
        String e = editor;
        if (e == null || e.isBlank()) {
            e = workspace().getenv("VISUAL");
        }
        if (e == null || e.isBlank()) {
            e = workspace().getenv("EDITOR");
        }
        if (e == null || e.isBlank()) {
            throw new EscException("no editor found: set $VISUAL or $EDITOR, or use --editor or -f");
        }
        return new ArrayList<>(Arrays.asList(e.trim().split("\\s+")));
    }

    private byte[] runEditor(List<String> command, String errors, byte[] text)
            throws IOException, InterruptedException {
        Path tmp = Files.createTempFile("esc-edit-", ".yaml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, (errors + new String(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            List<String> argv = new ArrayList<>(command);
            argv.add(tmp.toString());
            ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
            pb.environment().putAll(workspace().environ());
            int status = pb.start().waitFor();
            if (status != 0) {
                throw new EscException("editor exited with status " + status);
            }
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String stripErrors(String content) {
        if (!content.startsWith(ERRORS_MARKER)) {
            return content;
        }
        int i = 0;
        String[] lines = content.split("\n", -1);
        while (i < lines.length && (lines[i].startsWith("#") || lines[i].isEmpty())) {
            i++;
        }
        return String.join("\n", Arrays.copyOfRange(lines, i, lines.length));
    }
}
