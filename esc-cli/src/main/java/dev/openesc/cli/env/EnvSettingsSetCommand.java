package dev.openesc.cli.env;

import dev.openesc.api.EnvironmentSettingsChange;
import dev.openesc.cli.EscException;
import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.BackendException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code esc env settings set ENV NAME VALUE}: changes one setting and prints its value as stored. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set an environment setting",
            "",
            "This command sets the value of a single environment setting.",
            "",
            "Available settings:",
            EnvSetting.HELP})
public final class EnvSettingsSetCommand extends EnvironmentCommand implements Callable<Integer> {
    // Counted in call(), as the reference does: its count errors exit 1, not as usage errors.
    @Parameters(arity = "0..*",
            paramLabel = "[<org-name>/][<project-name>/]<environment-name> <setting-name> <setting-value>")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        if (args.size() < 2 || args.size() > 3) {
            throw new EscException("accepts between 2 and 3 arg(s), received " + args.size());
        }
        EnvironmentRef ref = existingUnversionedRef(args.get(0), "settings");
        if (args.size() != 3) {
            throw new EscException("expected a setting name and value");
        }
        EnvSetting setting = EnvSetting.named(args.get(1));
        EnvironmentSettingsChange change = setting.change(args.get(2));
        try {
            out().println(setting.valueIn(backend().updateSettings(ref.name(), change)));
        } catch (BackendException e) {
            if (e.kind() == BackendException.Kind.FORBIDDEN) {
                throw new EscException("permission denied: insufficient permissions to update settings");
            }
            throw e;
        }
        return ExitCodes.OK;
    }
}
