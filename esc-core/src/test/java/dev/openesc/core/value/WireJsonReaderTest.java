package dev.openesc.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.crypt.Rot128;
import dev.openesc.core.eval.EvalRequest;
import dev.openesc.core.eval.Evaluator;
import dev.openesc.core.eval.Loader;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.ProviderLoader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireJsonReaderTest {

    private static Environment evaluate(String yaml) {
        byte[] base = "values:\n  shared: 1.50\n  name: base\n".getBytes(StandardCharsets.UTF_8);
        EnvironmentLoader loader = name -> {
            if (name.equals("base")) {
                return new EnvironmentLoader.LoadedEnvironment(base, Rot128.INSTANCE);
            }
            throw new dev.openesc.core.provider.EnvironmentLoadException("environment \"" + name + "\" not found");
        };
        Loader.Loaded loaded = Loader.load("test", yaml.getBytes(StandardCharsets.UTF_8));
        return Evaluator.evaluate(new EvalRequest("test", loaded.decl(), Rot128.INSTANCE, ProviderLoader.none(), loader,
                ExecContext.of(Map.of("pulumi", Value.ofMap(Map.of("user", Value.ofString("u"))))))).environment();
    }

    @Test
    void readsBackWhatTheWriterWrote() {
        Environment env = evaluate("""
                imports: [base]
                values:
                  name: top
                  n: 1e3
                  list: [a, "${name}", {x: true}, null]
                  ref: ${shared}
                  access: ${list[2].x}
                  secret:
                    fn::secret: hunter2
                  joined:
                    fn::join: [",", [a, b]]
                  environmentVariables:
                    NAME: ${name}
                  schema-checked:
                    fn::validate:
                      schema: {type: string}
                      value: ok
                """);
        String json = WireJson.toJson(env);
        Environment back = WireJsonReader.environment(json);
        assertThat(WireJson.toJson(back)).isEqualTo(json);
        assertThat(back.properties().get("secret").secret()).isTrue();
        assertThat(back.properties().get("secret").value()).isEqualTo("hunter2");
        assertThat(back.properties().get("name").trace().base().value()).isEqualTo("base");
        assertThat(back.environmentVariables().get("NAME").value()).isEqualTo("top");
    }

    @Test
    void emptyObjectIsTheEmptyEnvironment() {
        Environment empty = WireJsonReader.environment("{}");
        assertThat(empty).isEqualTo(new Environment(null, null, null, null));
        assertThat(WireJson.toJson(empty)).isEqualTo("{}");
    }

    @Test
    void longBaseChainsNeedNoDeepStack() {
        Value v = Value.ofString("v0");
        for (int i = 1; i < 20_000; i++) {
            v = new Value("v" + i, false, false, new Trace(Range.of("e" + i), v));
        }
        String json = WireJson.toJson(v);
        Value back = WireJsonReader.value(json);
        assertThat(WireJson.toJson(back)).isEqualTo(json);
    }

    @Test
    void keepsNumberTextAndRejectsGarbage() {
        assertThat(WireJsonReader.value("{\"value\":1.50,\"trace\":{\"def\":{}}}").value())
                .isEqualTo(new dev.openesc.core.schema.JsonNumber("1.50"));
        assertThatThrownBy(() -> WireJsonReader.environment("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireJsonReader.environment("{} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireJsonReader.environment("{")).isInstanceOf(IllegalArgumentException.class);
    }
}
