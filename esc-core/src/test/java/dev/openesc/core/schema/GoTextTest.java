package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTextTest {
    @Test
    void jsonSortsKeysAndEscapesHtmlCharacters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", "<&>");
        m.put("a", List.of(true, JsonNumber.of("1.5")));
        assertThat(GoText.json(m)).isEqualTo("{\"a\":[true,1.5],\"b\":\"\\u003c\\u0026\\u003e\"}");
    }

    @Test
    void quoteEscapesLikeStrconvQuote() {
        assertThat(GoText.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(GoText.quote("\u0001")).isEqualTo("\"\\x01\"");
        assertThat(GoText.quote("héllo")).isEqualTo("\"héllo\"");
        assertThat(GoText.quote("\u200b")).isEqualTo("\"\\u200b\"");
        StringBuilder b = new StringBuilder("x=");
        GoText.quote(b, "y");
        assertThat(b).hasToString("x=\"y\"");
    }
}
