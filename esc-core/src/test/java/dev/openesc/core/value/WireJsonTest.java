package dev.openesc.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.syntax.Pos;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireJsonTest {
    private static final Range R = new Range("env", new Pos(1, 2, 3), new Pos(1, 5, 6));

    @Test
    void valuesOmitNullPayloadAndFalseFlagsButKeepFalseAndEmpty() {
        Value v = new Value(Map.of("b", Value.ofBoolean(false), "a", Value.ofNull(), "s", Value.ofString("")),
                false, false, new Trace(R, null));
        assertThat(WireJson.toJson(v)).isEqualTo("{\"value\":{"
                + "\"a\":{\"trace\":{\"def\":{\"begin\":{\"line\":0,\"column\":0,\"byte\":0},"
                + "\"end\":{\"line\":0,\"column\":0,\"byte\":0}}}},"
                + "\"b\":{\"value\":false,\"trace\":{\"def\":{\"begin\":{\"line\":0,\"column\":0,\"byte\":0},"
                + "\"end\":{\"line\":0,\"column\":0,\"byte\":0}}}},"
                + "\"s\":{\"value\":\"\",\"trace\":{\"def\":{\"begin\":{\"line\":0,\"column\":0,\"byte\":0},"
                + "\"end\":{\"line\":0,\"column\":0,\"byte\":0}}}}},"
                + "\"trace\":{\"def\":{\"environment\":\"env\",\"begin\":{\"line\":1,\"column\":2,\"byte\":3},"
                + "\"end\":{\"line\":1,\"column\":5,\"byte\":6}}}}");
    }

    @Test
    void secretAndUnknownFlagsAndBase() {
        Value base = new Value(new JsonNumber("1.5"), false, false, Trace.NONE);
        Value v = new Value(null, true, true, new Trace(R, base));
        String json = WireJson.toJson(v);
        assertThat(json).startsWith("{\"secret\":true,\"unknown\":true,\"trace\":{");
        assertThat(json).contains("\"base\":{\"value\":1.5,");
    }

    @Test
    void exprsOmitEmptyCollectionsAndKeepFalseLiterals() {
        Expr x = Expr.of(R, Schema.always(), null).withLiteral(false).withList(List.of());
        assertThat(WireJson.toJson(x)).isEqualTo("{\"range\":{\"environment\":\"env\","
                + "\"begin\":{\"line\":1,\"column\":2,\"byte\":3},\"end\":{\"line\":1,\"column\":5,\"byte\":6}},"
                + "\"schema\":true,\"literal\":false}");
    }

    @Test
    void environmentBytesAreTheUtf8OfItsText() {
        Value props = Value.ofMap(Map.of("grüße", Value.ofString("日本 \"q\" \u0001 😀").makeSecret(),
                "n", Value.ofNumber("2")));
        Environment env = new Environment(null, props.asMap(), Schema.always(), null);
        String text = WireJson.toJson(env);
        assertThat(text).contains("\"grüße\":{\"value\":\"日本 \\\"q\\\" \\u0001 😀\",\"secret\":true,");
        assertThat(new String(WireJson.toJsonBytes(env), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void plainJsonAndStringForms() {
        Value list = Value.ofList(List.of(Value.ofString("a\"b"), Value.ofNumber("2"), Value.unknownValue()));
        Value secret = Value.ofString("pw").makeSecret();
        Value obj = Value.ofMap(Map.of("z", secret, "a", list));
        assertThat(obj.toJsonString(true)).isEqualTo("{\"a\":[\"a\\\"b\",2,\"[unknown]\"],\"z\":\"[secret]\"}");
        assertThat(obj.toJsonString(false)).isEqualTo("{\"a\":[\"a\\\"b\",2,\"[unknown]\"],\"z\":\"pw\"}");
        assertThat(list.toString(true)).isEqualTo("\"a\\\"b\",\"2\",\"[unknown]\"");
        assertThat(obj.toString(false)).isEqualTo("\"a\"=\"\\\"a\\\\\\\"b\\\",\\\"2\\\",\\\"[unknown]\\\"\",\"z\"=\"pw\"");
    }

    @Test
    void makeSecretMarksOneLevelOfElements() {
        Value v = Value.ofList(List.of(Value.ofString("x"))).makeSecret();
        assertThat(v.secret()).isTrue();
        assertThat(v.asList().get(0).secret()).isTrue();
    }

    @Test
    void execContextAddsEnvironmentNamesAndKeepsTheFirstNamedRoot() {
        ExecContext root = ExecContext.of(Map.of("user", Value.ofString("u"))).copyForEnv(ExecContext.ANONYMOUS_ENVIRONMENT);
        ExecContext imported = root.copyForEnv("a");
        assertThat(imported.values().get("rootEnvironment").asMap().get("name").value()).isEqualTo("a");
        ExecContext named = ExecContext.of(Map.of()).copyForEnv("prod").copyForEnv("base");
        assertThat(named.values().get("rootEnvironment").asMap().get("name").value()).isEqualTo("prod");
        assertThat(named.values().get("currentEnvironment").asMap().get("name").value()).isEqualTo("base");
        assertThat(ExecContext.create(Map.of("rootEnvironment", Value.ofNull()))).isEmpty();
    }
}
