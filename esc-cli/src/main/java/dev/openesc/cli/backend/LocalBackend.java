package dev.openesc.cli.backend;

import dev.openesc.cli.EscException;
import dev.openesc.cli.Workspace;

/** The embedded backend: the server's service in-process over SQLite in {@code $ESC_HOME}. */
public final class LocalBackend {
    private LocalBackend() {}

    public static Backend open(Workspace workspace) {
        throw new EscException("the local backend is not available in this build");
    }
}
