package io.guardwall.core.plan;

/**
 * An unsigned 128-bit number (an IPv6 address; an IPv4 address uses the low 32 bits), cheaper to
 * compare than a {@link java.math.BigInteger}; immutable.
 */
record U128(long hi, long lo) implements Comparable<U128> {

  static final U128 MAX = new U128(-1L, -1L);

  @Override
  public int compareTo(U128 o) {
    int order = Long.compareUnsigned(hi, o.hi);
    return order != 0 ? order : Long.compareUnsigned(lo, o.lo);
  }

  U128 max(U128 o) {
    return compareTo(o) >= 0 ? this : o;
  }

  /** This plus one; wraps to zero after {@link #MAX}. */
  U128 plusOne() {
    return new U128(lo == -1L ? hi + 1 : hi, lo + 1);
  }

  /** This minus {@code o}, for {@code o <= this}. */
  U128 minus(U128 o) {
    long low = lo - o.lo;
    long borrow = Long.compareUnsigned(lo, o.lo) < 0 ? 1 : 0;
    return new U128(hi - o.hi - borrow, low);
  }

  /** This with its {@code n} lowest bits set (0 <= n <= 128). */
  U128 withLowBits(int n) {
    if (n < Long.SIZE) {
      return new U128(hi, lo | lowMask(n));
    }
    return new U128(hi | lowMask(n - Long.SIZE), -1L);
  }

  /** How many low bits are zero: 128 for zero. */
  int trailingZeros() {
    return lo != 0 ? Long.numberOfTrailingZeros(lo) : Long.SIZE + Long.numberOfTrailingZeros(hi);
  }

  /** The largest {@code k} with {@code 2^k <= this + 1}: how large an aligned block can fit. */
  int floorLog2OfSuccessor() {
    if (equals(MAX)) {
      return 2 * Long.SIZE;
    }
    U128 next = plusOne();
    return next.hi != 0
        ? 2 * Long.SIZE - 1 - Long.numberOfLeadingZeros(next.hi)
        : Long.SIZE - 1 - Long.numberOfLeadingZeros(next.lo);
  }

  private static long lowMask(int n) {
    return n >= Long.SIZE ? -1L : (1L << n) - 1;
  }
}
