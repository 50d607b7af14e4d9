package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopCountsTest {

  @Test
  void top_shouldCountExactly_whenFewKeys() {
    TopCounts counts = new TopCounts(10);
    for (String k : new String[] {"b", "a", "b", "c", "b", "a"}) {
      counts.add(k);
    }

    assertThat(counts.top(2)).containsExactly(Map.entry("b", 3L), Map.entry("a", 2L));
    assertThat(counts.distinct()).isEqualTo(3);
    assertThat(counts.exact()).isTrue();
  }

  @Test
  void top_shouldKeepTheBusyKeysInBoundedMemory_whenManyKeysAreSeenOnce() {
    TopCounts counts = new TopCounts(100);
    for (int i = 0; i < 100_000; i++) {
      counts.add("rare-" + i);
      if (i % 10 == 0) {
        counts.add("busy");
      }
    }

    assertThat(counts.top(1)).containsExactly(Map.entry("busy", 10_000L));
    assertThat(counts.distinct()).isLessThanOrEqualTo(200);
    assertThat(counts.exact()).isFalse();
    assertThat(counts.maxDropped()).isEqualTo(1);
  }

  @Test
  void constructor_shouldRefuse_whenCapacityIsNotPositive() {
    assertThatThrownBy(() -> new TopCounts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity");
  }
}
