package dev.openesc.providers.oidc;

import dev.openesc.core.provider.Provider;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.util.Map;

/** A provider whose schemas are fixed and whose inputs are read by name: what every login provider here is. */
public abstract class LoginProvider implements Provider {

    private final Schema inputs;
    private final Schema outputs;

    protected LoginProvider(Schema inputs, Schema outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
    }

    @Override
    public final Schema inputSchema() {
        return inputs;
    }

    @Override
    public final Schema outputSchema() {
        return outputs;
    }

    @Override
    public final Value open(Map<String, Value> values, ExecContext context) throws ProviderException {
        return open(Inputs.of(values), context);
    }

    /** Produces the outputs from the inputs (already checked against the input schema by the evaluator). */
    protected abstract Value open(Inputs inputs, ExecContext context) throws ProviderException;
}
