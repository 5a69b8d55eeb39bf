package dev.openesc.cli.env;

import dev.openesc.cli.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The plain forms of the commands run most ({@code env get}, {@code open}, {@code env open}, {@code run},
 * {@code env run}), read without picocli: building picocli's model of even one command (its annotations, generic
 * signatures, reflective setters and converters) took half of such a command's start-up. A form is plain when
 * every word is a positional parameter or one of the command's own options spelt out in full ({@code --value json},
 * {@code --value=json}, {@code -f json}), each single-valued option at most once and no option value starting
 * with {@code -}, with as many positional parameters as the command takes. Anything else (help, a version flag,
 * clustered or attached short options, an unknown or repeated option, an {@code @file}, a missing parameter)
 * returns null, and picocli parses the command line and words every error as always. {@code SimpleFormsTest}
 * checks, over a table of command lines, that what this class accepts picocli parses to the same values.
 */
public final class SimpleForms {
    private static final Map<String, String> GET_VALUED = Map.of("--value", "value");
    private static final Map<String, String> GET_FLAGS = Map.of("--definition", "definition",
            "--show-secrets", "show-secrets");
    private static final Map<String, String> OPEN_VALUED = Map.of("-l", "lifetime", "--lifetime", "lifetime",
            "-f", "format", "--format", "format");
    private static final Map<String, String> RUN_VALUED = Map.of("-l", "lifetime", "--lifetime", "lifetime",
            "--env", "env");
    private static final Map<String, String> RUN_FLAGS = Map.of("-i", "interactive", "--interactive", "interactive");
    /** The default values of the options, as the commands' annotations give them to picocli. */
    private static final String DEFAULT_LIFETIME = "2h";
    private static final String DEFAULT_FORMAT = "json";

    private SimpleForms() {}

    /** The command {@code args} name, ready to run on {@code workspace}; null when picocli must read them. */
    public static Callable<Integer> parse(String[] args, Workspace workspace) {
        int from;
        String command;
        if (args.length >= 2 && args[0].equals("env")) {
            from = 2;
            command = args[1];
        } else if (args.length >= 1) {
            from = 1;
            command = args[0];
        } else {
            return null;
        }
        for (String a : args) {
            if (a.startsWith("@")) {
                return null; // picocli reads @file as the file's words
            }
        }
        switch (command) {
            case "get":
                return from == 2 ? get(args, workspace) : null;
            case "open":
                return open(args, from, workspace);
            case "run":
                return run(args, from, workspace);
            default:
                return null;
        }
    }

    private static Callable<Integer> get(String[] args, Workspace workspace) {
        Words w = Words.split(args, 2, GET_VALUED, GET_FLAGS, "");
        if (w == null || w.positional.isEmpty() || w.positional.size() > 2) {
            return null;
        }
        return new EnvGetCommand(workspace, w.positional.get(0), w.positional.size() > 1 ? w.positional.get(1) : null,
                w.single("value", null), w.has("definition"), w.has("show-secrets"));
    }

    private static Callable<Integer> open(String[] args, int from, Workspace workspace) {
        Words w = Words.split(args, from, OPEN_VALUED, Map.of(), "");
        if (w == null || w.positional.isEmpty() || w.positional.size() > 2) {
            return null;
        }
        return new EnvOpenCommand(workspace, w.positional.get(0), w.positional.size() > 1 ? w.positional.get(1) : null,
                w.single("lifetime", DEFAULT_LIFETIME), w.single("format", DEFAULT_FORMAT));
    }

    private static Callable<Integer> run(String[] args, int from, Workspace workspace) {
        Words w = Words.split(args, from, RUN_VALUED, RUN_FLAGS, "env");
        if (w == null) {
            return null;
        }
        return new EnvRunCommand(workspace, Arrays.asList(args), w.has("interactive"),
                w.single("lifetime", DEFAULT_LIFETIME), w.all("env"), w.positional);
    }

    /** The words after a command's name: its positional parameters and its options' values by option. */
    private static final class Words {
        final List<String> positional = new ArrayList<>();
        /** Option, value; in command-line order (a handful of entries, so a list rather than a map). */
        final List<String> options = new ArrayList<>();

        /**
         * Splits {@code args} from {@code from}; null when a word is not plain. {@code valued} and {@code flags} map
         * option names to a key (the long and short name of one option share it); {@code repeatable} is the key of
         * the one option that may be given more than once ("" for none).
         */
        static Words split(String[] args, int from, Map<String, String> valued, Map<String, String> flags,
                String repeatable) {
            Words w = new Words();
            boolean positionalOnly = false;
            for (int i = from; i < args.length; i++) {
                String a = args[i];
                if (positionalOnly || !a.startsWith("-")) {
                    w.positional.add(a);
                    continue;
                }
                if (a.equals("--")) {
                    positionalOnly = true;
                    continue;
                }
                String flag = flags.get(a);
                if (flag != null) {
                    if (w.has(flag)) {
                        return null;
                    }
                    w.options.add(flag);
                    w.options.add("true");
                    continue;
                }
                int eq = a.startsWith("--") ? a.indexOf('=') : -1;
                String key = valued.get(eq < 0 ? a : a.substring(0, eq));
                if (key == null || !key.equals(repeatable) && w.has(key)) {
                    return null;
                }
                String value;
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return null;
                }
                if (value.isEmpty() && eq >= 0 || value.startsWith("-")) {
                    return null;
                }
                w.options.add(key);
                w.options.add(value);
            }
            return w;
        }

        boolean has(String key) {
            for (int i = 0; i < options.size(); i += 2) {
                if (options.get(i).equals(key)) {
                    return true;
                }
            }
            return false;
        }

        String single(String key, String absent) {
            for (int i = 0; i < options.size(); i += 2) {
                if (options.get(i).equals(key)) {
                    return options.get(i + 1);
                }
            }
            return absent;
        }

        List<String> all(String key) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < options.size(); i += 2) {
                if (options.get(i).equals(key)) {
                    values.add(options.get(i + 1));
                }
            }
            return values;
        }
    }
}
