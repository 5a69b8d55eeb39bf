package dev.openesc.server.service;

/**
 * Size limits of the service.
 *
 * @param maxDefinitionBytes the largest definition accepted by update, check and open (TooLarge beyond)
 */
public record ServiceLimits(int maxDefinitionBytes) {

    public ServiceLimits {
        if (maxDefinitionBytes < 1) {
            throw new IllegalArgumentException("maxDefinitionBytes must be positive");
        }
    }

    /** One MiB per definition: far above hand-written environments, far below what strains a server. */
    public static ServiceLimits defaults() {
        return new ServiceLimits(1 << 20);
    }
}
