package io.guardwall.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class U128Test {

  @Test
  void compareTo_shouldOrderUnsigned_whenHighBitIsSet() {
    assertThat(new U128(-1L, 0).compareTo(new U128(1, 0))).isPositive();
    assertThat(new U128(0, -1L).compareTo(new U128(0, 1))).isPositive();
    assertThat(new U128(1, 0).compareTo(new U128(0, -1L))).isPositive();
    assertThat(new U128(3, 4).compareTo(new U128(3, 4))).isZero();
  }

  @Test
  void plusOne_shouldCarryIntoHighWord_whenLowWordIsAllOnes() {
    assertThat(new U128(0, -1L).plusOne()).isEqualTo(new U128(1, 0));
    assertThat(U128.MAX.plusOne()).isEqualTo(new U128(0, 0));
  }

  @Test
  void minus_shouldBorrowFromHighWord_whenLowWordIsSmaller() {
    assertThat(new U128(1, 0).minus(new U128(0, 1))).isEqualTo(new U128(0, -1L));
    assertThat(U128.MAX.minus(new U128(0, 0))).isEqualTo(U128.MAX);
  }

  @Test
  void withLowBits_shouldSetExactlyNBits_whenNCrossesTheWordBoundary() {
    assertThat(new U128(0, 0).withLowBits(0)).isEqualTo(new U128(0, 0));
    assertThat(new U128(0, 0).withLowBits(3)).isEqualTo(new U128(0, 7));
    assertThat(new U128(0, 0).withLowBits(64)).isEqualTo(new U128(0, -1L));
    assertThat(new U128(0, 0).withLowBits(65)).isEqualTo(new U128(1, -1L));
    assertThat(new U128(0, 0).withLowBits(128)).isEqualTo(U128.MAX);
  }

  @Test
  void trailingZeros_shouldCountAcrossWords_whenLowWordIsZero() {
    assertThat(new U128(0, 8).trailingZeros()).isEqualTo(3);
    assertThat(new U128(2, 0).trailingZeros()).isEqualTo(65);
    assertThat(new U128(0, 0).trailingZeros()).isEqualTo(128);
  }

  @Test
  void floorLog2OfSuccessor_shouldGiveTheLargestFittingBlock_whenAtPowersOfTwo() {
    assertThat(new U128(0, 0).floorLog2OfSuccessor()).isEqualTo(0);
    assertThat(new U128(0, 1).floorLog2OfSuccessor()).isEqualTo(1);
    assertThat(new U128(0, 2).floorLog2OfSuccessor()).isEqualTo(1);
    assertThat(new U128(0, 3).floorLog2OfSuccessor()).isEqualTo(2);
    assertThat(new U128(0, -1L).floorLog2OfSuccessor()).isEqualTo(64);
    assertThat(new U128(-1L >>> 1, -1L).floorLog2OfSuccessor()).isEqualTo(127);
    assertThat(U128.MAX.floorLog2OfSuccessor()).isEqualTo(128);
  }
}
