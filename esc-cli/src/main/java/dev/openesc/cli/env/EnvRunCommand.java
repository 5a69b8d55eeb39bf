package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.Workspace;
import dev.openesc.cli.backend.Backend;
import dev.openesc.cli.render.Projection;
import dev.openesc.cli.run.CommandResolver;
import dev.openesc.cli.run.CommandRunner;
import dev.openesc.cli.run.RunSpec;
import dev.openesc.core.value.Environment;
import dev.openesc.core.value.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code esc run} and {@code esc env run}: opens one or more environments and runs a command with their variables
 * and files, hiding their secrets in its output. The exit status is the command's own.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Open the environment with the given name and run a command.",
            "",
            "Each key of the environment's top-level 'environmentVariables' object becomes a variable of",
            "the command; each key of 'files' names a variable holding the path of a private temporary",
            "file with the value as its content, removed when the command ends. $${path} in the command's",
            "arguments is replaced by the environment's value at path ($$$$ for a literal $). The command",
            "is not run in a shell: use `esc run ENV -- sh -c 'echo $MY_VAR'` to expand variables.",
            "",
            "Secrets are shown as [secret] in the command's output unless -i is given, which gives the",
            "command the terminal untouched. `--` is needed only when the command has flags of its own.",
            "Several environments may be given with --env; later ones win where they set the same variable."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"N:the command's own exit status (128+N when signal N ended it)",
            "1:esc failed: unknown environment, evaluation errors, no command, ...",
            "2:usage error", "126:the command cannot be executed", "127:the command is not found"})
public final class EnvRunCommand extends EnvironmentCommand implements Callable<Integer> {
    @Option(names = {"-i", "--interactive"},
            description = "treat the command as interactive: no output filtering, the terminal is the command's")
    private boolean interactive;

    @Option(names = {"-l", "--lifetime"}, paramLabel = "DURATION", defaultValue = "2h",
            description = "the lifetime of the opened environment (default ${DEFAULT-VALUE})")
    private String lifetime;

    @Option(names = "--env", paramLabel = "ENV",
            description = "an environment to open; repeat for several (later ones win)")
    private List<String> environments = new ArrayList<>();

    @Parameters(paramLabel = "[ENV] COMMAND", arity = "0..*")
    private List<String> args = new ArrayList<>();

    /** The whole command line when {@link SimpleForms} made this command (picocli's parse result has it otherwise). */
    private List<String> words;

    public EnvRunCommand() {}

    /** The command picocli makes of {@code words}, on {@code workspace} ({@link SimpleForms}). */
    EnvRunCommand(Workspace workspace, List<String> words, boolean interactive, String lifetime,
            List<String> environments, List<String> args) {
        bind(workspace);
        this.words = words;
        this.interactive = interactive;
        this.lifetime = lifetime;
        this.environments = environments;
        this.args = args;
    }

    /** What the command line set ({@code SimpleFormsTest} compares picocli's with {@link SimpleForms}'). */
    List<Object> arguments() {
        return Arrays.asList(interactive, lifetime, environments, args);
    }

    @Override
    public Integer call() throws IOException {
        List<String> names = new ArrayList<>(environments);
        List<String> command = new ArrayList<>(args);
        if (names.isEmpty()) {
            if (command.isEmpty() || dashBeforeEnvironment()) {
                // A usage error (status 2, like a missing argument picocli finds), in one line as the reference words it.
                throw new EscException("no environment specified", ExitCodes.USAGE);
            }
            names.add(command.remove(0));
        }
        if (command.isEmpty()) {
            throw new EscException("no command specified", ExitCodes.USAGE);
        }
        Duration duration = Lifetimes.parse(lifetime);
        List<Environment> opened = new ArrayList<>();
        for (String n : names) {
            EnvironmentRef ref = existingRef(n);
            Backend.Checked checked = backend().open(ref.name(), ref.version(), duration);
            if (!checked.diagnostics().isEmpty()) {
                printShortDiagnostics(checked.diagnostics());
                if (checked.hasErrors()) {
                    return ExitCodes.FAILURE;
                }
            }
            opened.add(checked.environment());
        }
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        Map<String, Value> merged = new LinkedHashMap<>();
        for (int i = 0; i < opened.size(); i++) {
            Projection p = Projection.of(opened.get(i));
            warnConflicts(names.get(i), variables, files, p);
            variables.putAll(p.variables());
            files.putAll(p.files());
            secrets.addAll(p.secrets());
            if (opened.get(i) != null && opened.get(i).properties() != null) {
                merged.putAll(opened.get(i).properties());
            }
        }
        Value root = Value.ofMap(merged);
        for (int i = 0; i < command.size(); i++) {
            ArgumentInterpolation.Result r = ArgumentInterpolation.interpolate(command.get(i), root);
            command.set(i, r.text());
            secrets.addAll(r.secrets());
        }
        // The program is looked up in esc's own PATH, as the reference does. When the workspace's PATH is not the
        // process's (in-process tests), name the program by its path; otherwise argv[0] stays as the user typed it.
        String path = workspace().getenv("PATH");
        if (path != null && !path.equals(System.getenv("PATH")) && !command.get(0).contains("/")
                && CommandResolver.resolve(command.get(0), path) instanceof CommandResolver.Resolution.Found found) {
            command.set(0, found.program().toString());
        }
        Map<String, String> childEnvironment = new LinkedHashMap<>(workspace().environ());
        childEnvironment.putAll(variables);
        RunSpec spec = RunSpec.of(command)
                .environment(childEnvironment)
                .files(files)
                .secrets(secrets)
                .interactive(interactive)
                .directory(workspace().file("."))
                .stdin(workspace().in() == System.in ? null : workspace().in())
                .stdout(workspace().out() == System.out ? null : workspace().out())
                .stderr(workspace().err() == System.err ? null : workspace().err())
                .temporaryFolder(temporaryFolder())
                // The backend (the local database) is not needed once the child runs: closed then, beside the
                // child, rather than after it (docs/benchmarks.md, CLI start-up, round 26).
                .releasedOnStart(workspace())
                .build();
        out().flush();
        err().flush();
        return new CommandRunner().run(spec);
    }

    private void warnConflicts(String name, Map<String, String> variables, Map<String, String> files, Projection p) {
        for (String k : p.variables().keySet()) {
            if (variables.containsKey(k) || files.containsKey(k)) {
                err().println("warning: " + name + " sets " + k + " again; its value wins");
            }
        }
        for (String k : p.files().keySet()) {
            if (variables.containsKey(k) || files.containsKey(k)) {
                err().println("warning: " + name + " sets " + k + " again; its value wins");
            }
        }
    }

    /** Whether the command line put {@code --} before any environment name ({@code esc run -- cmd}). */
    private boolean dashBeforeEnvironment() {
        List<String> original = words != null ? words : spec.commandLine().getParseResult().originalArgs();
        int self = original.indexOf("run");
        for (int i = self + 1; i < original.size(); i++) {
            String a = original.get(i);
            if (a.equals("--")) {
                return true;
            }
            if (a.equals("-l") || a.equals("--lifetime") || a.equals("--env")) {
                i++;
            } else if (!a.startsWith("-")) {
                return false;
            }
        }
        return false;
    }

    private Path temporaryFolder() {
        String tmp = workspace().getenv("TMPDIR");
        return tmp == null || tmp.isEmpty() ? null : Path.of(tmp);
    }
}
