package dev.openesc.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {

    @Test
    void readsEverySetting() {
        Overrides o = Overrides.parse(JsonTrees.parse("""
                {"showSecrets": true, "rootEnvironment": "<yaml>", "rotate": true, "rotatePaths": ["a.b", "c[0]"]}"""));
        assertThat(o).isEqualTo(new Overrides(true, "<yaml>", true, List.of("a.b", "c[0]")));
        assertThat(Overrides.parse(JsonTrees.parse("{}"))).isEqualTo(Overrides.NONE);
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> Overrides.parse(JsonTrees.parse("{\"rotateAll\": true}")))
                .hasMessageContaining("rotateAll");
        assertThatThrownBy(() -> Overrides.parse(JsonTrees.parse("{\"rotate\": \"yes\"}")))
                .hasMessageContaining("rotate must be a boolean");
        assertThatThrownBy(() -> Overrides.parse(JsonTrees.parse("{\"rotatePaths\": \"a\"}")))
                .hasMessageContaining("rotatePaths");
    }
}
