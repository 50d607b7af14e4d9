package io.guardwall.core.plan;

import io.guardwall.core.model.CidrBudget;

/**
 * The room a stateless rule group offers guardwall: every blocked CIDR costs one capacity unit in
 * the rule matching sources and one in the rule matching destinations, and both address families
 * share the room. Stateless and thread-safe.
 */
public final class StatelessCapacity {

  /** Every blocked CIDR appears in the source rule and in the destination rule. */
  public static final int UNITS_PER_CIDR = 2;

  private StatelessCapacity() {}

  /**
   * The room of {@code free} capacity units that other rules leave.
   *
   * @throws IllegalArgumentException when {@code free} is negative
   */
  public static CidrBudget room(int free) {
    if (free < 0) {
      throw new IllegalArgumentException("free capacity must not be negative: " + free);
    }
    return CidrBudget.shared(free / UNITS_PER_CIDR);
  }

  /**
   * The room of an empty group of {@code capacity} units: what the dry run's target offers.
   *
   * @throws IllegalArgumentException when capacity is not positive
   */
  public static CidrBudget ofEmptyGroup(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("rule group capacity must be positive: " + capacity);
    }
    return room(capacity);
  }
}
