package io.guardwall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.CidrBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatelessCapacityTest {

  @Test
  void ofEmptyGroup_shouldOfferHalfTheCapacityToBothFamilies_whenCapacityIsPositive() {
    assertThat(StatelessCapacity.ofEmptyGroup(30_000)).isEqualTo(CidrBudget.shared(15_000));
    assertThat(StatelessCapacity.ofEmptyGroup(5)).isEqualTo(CidrBudget.shared(2));
    assertThat(StatelessCapacity.ofEmptyGroup(1)).isEqualTo(CidrBudget.shared(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void ofEmptyGroup_shouldReject_whenCapacityIsNotPositive(int capacity) {
    assertThatThrownBy(() -> StatelessCapacity.ofEmptyGroup(capacity))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity must be positive");
  }

  @Test
  void room_shouldAllowNoFreeUnits_butRejectANegativeCount() {
    assertThat(StatelessCapacity.room(0)).isEqualTo(CidrBudget.shared(0));
    assertThatThrownBy(() -> StatelessCapacity.room(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
  }
}
