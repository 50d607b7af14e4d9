package io.guardwall.core.model;

import io.guardwall.core.text.Excerpt;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A finding's severity band, in ascending order: the ASFF labels, each with the lowest GuardDuty
 * score it covers (the one home of GuardDuty's bands: the parser and the EventBridge patterns take
 * them from here). Immutable and thread-safe.
 */
public enum SeverityLevel {
  INFORMATIONAL(0.0),
  LOW(1.0),
  MEDIUM(4.0),
  HIGH(7.0),
  CRITICAL(9.0);

  /** GuardDuty's highest score; a higher one is not a GuardDuty severity. */
  public static final double MAX_GUARDDUTY_SCORE = 10.0;

  private final double guardDutyFloor;

  SeverityLevel(double guardDutyFloor) {
    this.guardDutyFloor = guardDutyFloor;
  }

  /**
   * The lowest GuardDuty score in this band; the band runs up to the next band's floor (exclusive),
   * the highest up to {@link #MAX_GUARDDUTY_SCORE}: Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9,
   * Critical 9.0–10.0, below 1.0 informational.
   */
  public double guardDutyFloor() {
    return guardDutyFloor;
  }

  /** The band of GuardDuty's numeric severity {@code score}, which must be within 0-10. */
  static SeverityLevel ofGuardDutyScore(double score) {
    if (!isGuardDutyScore(score)) {
      throw new IllegalArgumentException("severity out of range 0-10: " + score);
    }
    SeverityLevel[] levels = values();
    int i = levels.length - 1;
    while (score < levels[i].guardDutyFloor) {
      i--;
    }
    return levels[i];
  }

  /** Whether {@code score} is in GuardDuty's range, 0 to 10. */
  public static boolean isGuardDutyScore(double score) {
    return score >= INFORMATIONAL.guardDutyFloor && score <= MAX_GUARDDUTY_SCORE;
  }

  /** Parses an ASFF {@code Severity.Label} or a configuration value, case-insensitively. */
  public static SeverityLevel parse(@Nullable String label) {
    if (label == null) {
      throw new IllegalArgumentException("severity label missing");
    }
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity label "
              + Excerpt.quoted(label)
              + " (expected INFORMATIONAL, LOW,"
              + " MEDIUM, HIGH or CRITICAL)");
    }
  }

  public boolean atLeast(SeverityLevel other) {
    return compareTo(other) >= 0;
  }

  public static SeverityLevel max(SeverityLevel a, SeverityLevel b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * The level as the stores keep it (INFORMATIONAL 0 to CRITICAL 4), so that a conditional write
   * can compare levels; fixed here rather than taken from the declaration order, which stored data
   * outlives.
   */
  public int rank() {
    return switch (this) {
      case INFORMATIONAL -> 0;
      case LOW -> 1;
      case MEDIUM -> 2;
      case HIGH -> 3;
      case CRITICAL -> 4;
    };
  }
}
