package dev.openesc.core.provider;

import dev.openesc.core.crypt.Decrypter;

/** Loads the definitions of imported environments by name ({@code project/env} or a plain name). */
public interface EnvironmentLoader {
    /** A definition: its YAML bytes and the decrypter for its {@code fn::secret} ciphertexts. */
    record LoadedEnvironment(byte[] definition, Decrypter decrypter) {}

    LoadedEnvironment load(String name) throws EnvironmentLoadException;

    /** A loader that knows no environments. */
    static EnvironmentLoader none() {
        return name -> {
            throw new EnvironmentLoadException("environment \"" + name + "\" not found");
        };
    }
}
