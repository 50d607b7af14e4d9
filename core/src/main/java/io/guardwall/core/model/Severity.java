package io.guardwall.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A finding's severity: its band and, for GuardDuty, the original score (null when the source only
 * gives a label); immutable.
 */
public record Severity(SeverityLevel level, @Nullable Double score) {

  public Severity {
    Objects.requireNonNull(level, "level");
  }

  public static Severity ofScore(double score) {
    return new Severity(SeverityLevel.ofGuardDutyScore(score), score);
  }

  public static Severity ofLabel(String label) {
    return new Severity(SeverityLevel.parse(label), null);
  }

  @Override
  public String toString() {
    return score == null ? level.name() : level.name() + " (" + score + ")";
  }
}
