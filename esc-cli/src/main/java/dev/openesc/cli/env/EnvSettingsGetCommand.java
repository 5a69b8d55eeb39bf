package dev.openesc.cli.env;

import dev.openesc.api.EnvironmentSettings;
import dev.openesc.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code esc env settings get ENV [NAME]}: every setting as {@code name value} lines, or one setting's value. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Get environment settings",
            "",
            "This command gets environment settings. If no setting name is provided,",
            "all settings are returned. Otherwise, only the specified setting value is returned.",
            "",
            "Available settings:",
            EnvSetting.HELP})
public final class EnvSettingsGetCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "[<org-name>/][<project-name>/]<environment-name>")
    private String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<setting-name>")
    private String setting;

    @Override
    public Integer call() {
        EnvironmentRef ref = existingUnversionedRef(name, "settings");
        EnvironmentSettings settings = backend().settings(ref.name());
        if (setting != null) {
            out().println(EnvSetting.named(setting).valueIn(settings));
            return ExitCodes.OK;
        }
        for (EnvSetting s : EnvSetting.values()) {
            out().println(s.word + " " + s.valueIn(settings));
        }
        return ExitCodes.OK;
    }
}
