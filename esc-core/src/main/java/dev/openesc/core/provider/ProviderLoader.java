package dev.openesc.core.provider;

/**
 * Finds providers and rotators by name. An unknown name is reported by throwing {@link ProviderException} whose
 * message the evaluator reports verbatim on the call.
 */
public interface ProviderLoader {
    Provider loadProvider(String name) throws ProviderException;

    Rotator loadRotator(String name) throws ProviderException;

    /** A loader that knows no providers; every lookup fails with {@code unknown provider "<name>"}. */
    static ProviderLoader none() {
        return new ProviderLoader() {
            @Override
            public Provider loadProvider(String name) throws ProviderException {
                throw new ProviderException("unknown provider \"" + name + "\"");
            }

            @Override
            public Rotator loadRotator(String name) throws ProviderException {
                throw new ProviderException("unknown rotator \"" + name + "\"");
            }
        };
    }
}
