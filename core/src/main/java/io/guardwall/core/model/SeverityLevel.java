package io.guardwall.core.model;

import java.util.Locale;

/**
 * A finding's severity band, in ascending order; the ASFF labels and GuardDuty's numeric ranges.
 */
public enum SeverityLevel {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /**
   * Maps GuardDuty's numeric severity: Low 1.0–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical
   * 9.0–10.0; below 1.0 is informational.
   */
  public static SeverityLevel ofGuardDutyScore(double score) {
    if (Double.isNaN(score) || score < 0 || score > 10) {
      throw new IllegalArgumentException("severity out of range 0-10: " + score);
    }
    if (score >= 9.0) {
      return CRITICAL;
    }
    if (score >= 7.0) {
      return HIGH;
    }
    if (score >= 4.0) {
      return MEDIUM;
    }
    return score >= 1.0 ? LOW : INFORMATIONAL;
  }

  /** Parses an ASFF {@code Severity.Label} or a configuration value, case-insensitively. */
  public static SeverityLevel parse(String label) {
    if (label == null) {
      throw new IllegalArgumentException("severity label missing");
    }
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity label "
              + Cidr.abbreviate(label)
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
