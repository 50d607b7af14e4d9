package io.guardwall.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How guardwall writes managed prefix lists: the description that marks its entries, the most
 * entries it lets a list grow to, and how it waits for a list to leave {@code modify-in-progress};
 * immutable.
 *
 * @param description the {@code Description} of guardwall's entries; an entry with any other is
 *     someone else's, left untouched
 * @param ceiling the most entries guardwall grows a list's {@code MaxEntries} to (a referencing
 *     rule group reserves capacity for {@code MaxEntries}, not for the entries present)
 * @param pollInterval the pause between two looks at a list that is being modified
 * @param maxWait how long one change may stay in progress before the write is given up as transient
 * @param pause how the adapter pauses; tests pass a fake clock
 */
public record PrefixListSettings(
    String description, int ceiling, Duration pollInterval, Duration maxWait, Pause pause) {

  /** The default ceiling: EC2's default quota of entries per prefix list. */
  public static final int DEFAULT_CEILING = 1_000;

  /** The most entries EC2 allows in one prefix list, the quota raised as far as it goes. */
  public static final int HARD_LIMIT = 5_000;

  /** Waits for a while; {@link Thread#sleep} in production. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  public PrefixListSettings {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(pause, "pause");
    if (description.isBlank() || description.length() > 255) {
      throw new IllegalArgumentException(
          "the entries' description must be 1 to 255 characters: " + description.length());
    }
    if (ceiling < 1 || ceiling > HARD_LIMIT) {
      throw new IllegalArgumentException(
          "the prefix list ceiling must be between 1 and " + HARD_LIMIT + ": " + ceiling);
    }
    if (pollInterval.isNegative() || pollInterval.isZero() || maxWait.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException(
          "the poll interval must be positive and at most the wait: "
              + pollInterval
              + ", "
              + maxWait);
    }
  }

  /**
   * Entries described {@code guardwall}, lists up to 1,000 entries, polled each second up to 2 min.
   */
  public static PrefixListSettings defaults() {
    return new PrefixListSettings(
        "guardwall",
        DEFAULT_CEILING,
        Duration.ofSeconds(1),
        Duration.ofMinutes(2),
        d -> Thread.sleep(d.toMillis()));
  }

  /** These settings with lists growing up to {@code entries}. */
  public PrefixListSettings withCeiling(int entries) {
    return new PrefixListSettings(description, entries, pollInterval, maxWait, pause);
  }

  /** These settings pausing through {@code how}. */
  public PrefixListSettings withPause(Pause how) {
    return new PrefixListSettings(description, ceiling, pollInterval, maxWait, how);
  }

  /** How many looks a change may take before it is given up. */
  int maxPolls() {
    return (int) Math.min(Integer.MAX_VALUE, maxWait.toMillis() / pollInterval.toMillis());
  }
}
