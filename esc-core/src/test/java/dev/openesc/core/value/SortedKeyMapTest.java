package dev.openesc.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class SortedKeyMapTest {
    @Test
    void adoptedArraysAreLookedUpAndIteratedInKeyOrder() {
        SortedKeyMap<Integer> m = SortedKeyMap.adopt(new String[] {"a", "b", "c"}, new Object[] {1, 2, 3});
        assertThat(m.get("b")).isEqualTo(2);
        assertThat(m.get("d")).isNull();
        assertThat(List.copyOf(m.keySet())).containsExactly("a", "b", "c");
        assertThat(List.copyOf(m.values())).containsExactly(1, 2, 3);
        assertThat(m).isEqualTo(SortedKeyMap.ofSorted(List.of("a", "b", "c"), List.of(1, 2, 3)));
    }

    @Test
    void forEachVisitsTheWindowInKeyOrder() {
        SortedKeyMap<Integer> m = SortedKeyMap.adopt(new String[] {"a", "b", "c", "d"}, new Object[] {1, 2, 3, 4});
        List<String> seen = new ArrayList<>();
        m.subMap("b", "d").forEach((k, v) -> seen.add(k + v));
        assertThat(seen).containsExactly("b2", "c3");
        seen.clear();
        m.forEach((k, v) -> seen.add(k + v));
        assertThat(seen).containsExactly("a1", "b2", "c3", "d4");
    }

    @Test
    void positionsCountFromTheStartOfTheWindow() {
        SortedKeyMap<Integer> m = SortedKeyMap.adopt(new String[] {"a", "b", "c", "d"}, new Object[] {1, 2, 3, 4});
        SortedMap<String, Integer> window = m.subMap("b", "d");
        SortedKeyMap<Integer> w = (SortedKeyMap<Integer>) window;
        assertThat(w.keyAt(0)).isEqualTo("b");
        assertThat(w.valueAt(1)).isEqualTo(3);
        assertThatThrownBy(() -> w.keyAt(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.valueAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theKeyListIsTheWindowsKeysInOrderAndReadOnly() {
        SortedKeyMap<Integer> m = SortedKeyMap.adopt(new String[] {"a", "b", "c", "d"}, new Object[] {1, 2, 3, 4});
        assertThat(m.keyList()).containsExactly("a", "b", "c", "d").isEqualTo(new ArrayList<>(m.keySet()));
        SortedKeyMap<Integer> window = (SortedKeyMap<Integer>) m.subMap("b", "d");
        assertThat(window.keyList()).containsExactly("b", "c");
        assertThatThrownBy(() -> window.keyList().set(0, "z")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(m.firstKey()).isEqualTo("a");
    }

    @Test
    void adoptRefusesUnsortedOrRepeatedKeysAndMismatchedLengths() {
        assertThatThrownBy(() -> SortedKeyMap.adopt(new String[] {"b", "a"}, new Object[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SortedKeyMap.adopt(new String[] {"a", "a"}, new Object[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SortedKeyMap.adopt(new String[] {"a"}, new Object[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMapWithTheKeysOfAnotherHasThoseKeysWithItsOwnValues() {
        SortedKeyMap<Integer> m = SortedKeyMap.adopt(new String[] {"a", "b", "c", "d"}, new Object[] {1, 2, 3, 4});
        SortedKeyMap<String> same = SortedKeyMap.withKeysOf(m, new Object[] {"w", "x", "y", "z"});
        assertThat(same.keySet()).containsExactly("a", "b", "c", "d");
        assertThat(same.get("c")).isEqualTo("y");
        assertThat(same.get("e")).isNull();
        // a window's keys only, counted from its start
        SortedKeyMap<Integer> window = (SortedKeyMap<Integer>) m.subMap("b", "d");
        SortedKeyMap<String> windowed = SortedKeyMap.withKeysOf(window, new Object[] {"x", "y"});
        assertThat(windowed.keySet()).containsExactly("b", "c");
        assertThat(windowed.get("b")).isEqualTo("x");
        assertThat(windowed.get("a")).isNull();
        assertThat(windowed.get("d")).isNull();
        assertThatThrownBy(() -> SortedKeyMap.withKeysOf(window, new Object[] {"x"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SortedKeyMap.withKeysOf(m, new Object[] {1, 2, 3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
