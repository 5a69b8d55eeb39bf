package dev.openesc.cli.env;

import dev.openesc.core.syntax.encoding.YamlNode;
import java.util.List;

/**
 * The inputs of a login provider as the {@code env provider} commands write them: a block-style mapping built key by
 * key, in the order the reference writes them, with unset optional inputs left out. Scalars carry an explicit tag so
 * that the encoder quotes a string that would read as something else ({@code "12345"}, {@code "true"}).
 */
final class ProviderBlock {
    private final YamlNode node = YamlNode.mapping();

    /** {@code fn::open::<provider>: <inputs>}, the block written at the command's path. */
    static YamlNode open(String provider, ProviderBlock inputs) {
        return new ProviderBlock().put("fn::open::" + provider, inputs.node).node;
    }

    ProviderBlock text(String key, String value) {
        return put(key, YamlNode.scalar("!!str", value));
    }

    /** An optional input: left out when the user gave none (or an empty one, as the reference does). */
    ProviderBlock textIfSet(String key, String value) {
        return value == null || value.isEmpty() ? this : text(key, value);
    }

    /**
     * {@code key: {fn::secret: <plaintext>}}. The plaintext goes to the service inside the definition, which
     * encrypts it before storing, exactly as for {@code env set --secret}.
     */
    ProviderBlock secret(String key, String plaintext) {
        return put(key, new ProviderBlock().text("fn::secret", plaintext).node);
    }

    ProviderBlock textsIfAny(String key, List<String> values) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        YamlNode list = YamlNode.sequence();
        for (String v : values) {
            list.content.add(YamlNode.scalar("!!str", v));
        }
        return put(key, list);
    }

    ProviderBlock integer(String key, long value) {
        return put(key, YamlNode.scalar("!!int", Long.toString(value)));
    }

    ProviderBlock bool(String key, boolean value) {
        return put(key, YamlNode.scalar("!!bool", Boolean.toString(value)));
    }

    ProviderBlock block(String key, ProviderBlock inner) {
        return put(key, inner.node);
    }

    private ProviderBlock put(String key, YamlNode value) {
        node.content.add(YamlNode.scalar("!!str", key));
        node.content.add(value);
        return this;
    }
}
