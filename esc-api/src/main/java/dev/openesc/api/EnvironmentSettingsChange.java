package dev.openesc.api;

/**
 * A partial update of an environment's settings ({@code PATCH .../settings}, Pulumi Cloud's
 * {@code PatchEnvironmentSettingsRequest}): a null field keeps its current value.
 *
 * @param deletionProtected the new deletion protection, or null for no change
 */
public record EnvironmentSettingsChange(Boolean deletionProtected) {

    /** Whether the change names no setting at all. */
    public boolean isEmpty() {
        return deletionProtected == null;
    }
}
