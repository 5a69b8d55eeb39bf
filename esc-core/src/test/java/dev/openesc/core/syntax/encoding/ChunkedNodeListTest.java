package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The children list of a read-only YAML tree behaves as an ordinary list across its chunks. */
class ChunkedNodeListTest {
    @Test
    void keepsOrderAndAnswersEveryIndexAcrossChunks() {
        ChunkedNodeList chunked = new ChunkedNodeList();
        List<YamlNode> plain = new ArrayList<>();
        for (int i = 0; i < 3 * 1024 + 5; i++) {
            YamlNode n = YamlNode.scalar("!!str", "v" + i);
            chunked.add(n);
            plain.add(n);
        }
        assertThat(chunked).hasSize(plain.size()).containsExactlyElementsOf(plain);
        assertThat(chunked.get(1023)).isSameAs(plain.get(1023));
        assertThat(chunked.get(1024)).isSameAs(plain.get(1024));
        assertThat(chunked.get(chunked.size() - 1).value).isEqualTo("v3076");
    }

    @Test
    void setReplacesOneSlotAndReturnsWhatItHeld() {
        ChunkedNodeList chunked = new ChunkedNodeList();
        for (int i = 0; i < 2000; i++) {
            chunked.add(YamlNode.scalar("!!str", "v" + i));
        }
        YamlNode before = chunked.get(1500);
        assertThat(chunked.set(1500, null)).isSameAs(before);
        assertThat(chunked.get(1500)).isNull();
        assertThat(chunked.get(1499).value).isEqualTo("v1499");
        assertThat(chunked.get(1501).value).isEqualTo("v1501");
        assertThat(chunked).hasSize(2000);
    }

    @Test
    void refusesIndexesOutsideItsSize() {
        ChunkedNodeList chunked = new ChunkedNodeList();
        assertThat(chunked).isEmpty();
        chunked.add(YamlNode.scalar("!!str", "only"));
        assertThatThrownBy(() -> chunked.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> chunked.set(-1, null)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
