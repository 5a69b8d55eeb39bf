package dev.openesc.cli.render;

import dev.openesc.cli.EscException;
import java.util.Locale;

/** How {@code open} and {@code env get --value} print an environment. */
public enum OutputFormat {
    JSON, YAML, DETAILED, DOTENV, SHELL, STRING;

    public static OutputFormat parse(String text) {
        for (OutputFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(text)) {
                return f;
            }
        }
        throw new EscException("unknown output format \"" + text + "\"");
    }

    /** Whether the format shows the projection (variables and files) rather than a value, so takes no path. */
    public boolean isProjection() {
        return this == DOTENV || this == SHELL;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
