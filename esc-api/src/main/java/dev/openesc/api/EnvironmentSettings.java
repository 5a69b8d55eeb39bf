package dev.openesc.api;

/**
 * An environment's settings ({@code GET .../settings}, Pulumi Cloud's {@code EnvironmentSettings}). Settings are
 * not part of the definition: they have no revisions, and changing one adds none.
 *
 * @param deletionProtected whether deleting the environment is refused ({@link EscException.DeletionProtected})
 *                          until the setting is turned off again; new environments, clones included, start
 *                          unprotected
 */
public record EnvironmentSettings(boolean deletionProtected) {

    /** What a new environment has. */
    public static final EnvironmentSettings DEFAULTS = new EnvironmentSettings(false);
}
