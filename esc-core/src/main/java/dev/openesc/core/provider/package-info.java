/**
 * The service interfaces the evaluator calls: {@link dev.openesc.core.provider.Provider} ({@code fn::open}),
 * {@link dev.openesc.core.provider.Rotator} ({@code fn::rotate}), {@link dev.openesc.core.provider.ProviderLoader}
 * (find them by name) and {@link dev.openesc.core.provider.EnvironmentLoader} (definitions of imported
 * environments). Failures are checked exceptions whose messages the evaluator reports verbatim as diagnostics.
 */
package dev.openesc.core.provider;
