package dev.openesc.cli.env;

import dev.openesc.api.EnvironmentSettings;
import dev.openesc.api.EnvironmentSettingsChange;
import dev.openesc.cli.EscException;

/**
 * The settings {@code esc env settings} knows, by their command-line names. Adding one: a field in
 * {@link EnvironmentSettings} and {@link EnvironmentSettingsChange}, then a constant here.
 */
enum EnvSetting {
    DELETION_PROTECTED("deletion-protected", "Enable or disable deletion protection") {
        @Override
        Object valueIn(EnvironmentSettings settings) {
            return settings.deletionProtected();
        }

        /** Only the two words, not YAML's wider set of booleans ({@code yes}, {@code on}): what the reference takes. */
        @Override
        EnvironmentSettingsChange change(String raw) {
            if (!raw.equals("true") && !raw.equals("false")) {
                throw new EscException("invalid value for " + word + ": " + raw + " (expected true or false)");
            }
            return new EnvironmentSettingsChange(raw.equals("true"));
        }
    };

    /** The help text's list of settings, as the reference prints it under "Available settings:". */
    static final String HELP = "  deletion-protected  Enable or disable deletion protection";

    final String word;
    final String help;

    EnvSetting(String word, String help) {
        this.word = word;
        this.help = help;
    }

    /** The setting's value, printed as the reference prints it ({@code true}, {@code false}). */
    abstract Object valueIn(EnvironmentSettings settings);

    /** The change that sets this setting to the command line's value; the reference's message if it is invalid. */
    abstract EnvironmentSettingsChange change(String raw);

    static EnvSetting named(String word) {
        for (EnvSetting s : values()) {
            if (s.word.equals(word)) {
                return s;
            }
        }
        throw new EscException("unknown setting name: " + word);
    }
}
