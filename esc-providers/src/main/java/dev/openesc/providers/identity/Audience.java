package dev.openesc.providers.identity;

/** The {@code aud} a login provider's token carries, as the reference sets it, so trust policies read the same. */
public enum Audience {
    AWS("aws"),
    AZURE("azure"),
    GCP("gcp"),
    /** Vault's JWT roles bind the bare organization name. */
    VAULT(null);

    /** Environments of the legacy project keep the bare organization as audience, as they always had. */
    public static final String LEGACY_PROJECT = "default";

    private final String prefix;

    Audience(String prefix) {
        this.prefix = prefix;
    }

    /** The audience for a token of {@code org}, for an environment of {@code project}. */
    public String of(String org, String project) {
        if (prefix == null || LEGACY_PROJECT.equals(project)) {
            return org;
        }
        return prefix + ":" + org;
    }
}
