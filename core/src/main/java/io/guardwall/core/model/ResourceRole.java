package io.guardwall.core.model;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The part a finding's own resource played, as GuardDuty's {@code service.resourceRole} says:
 * {@code TARGET} of the activity or the {@code ACTOR} carrying it out; {@code UNKNOWN} when the
 * finding does not say (Runtime Monitoring findings, most non-GuardDuty findings).
 */
public enum ResourceRole {
  ACTOR,
  TARGET,
  UNKNOWN;

  /** The role named by {@code text} in any case and padding; empty for anything else. */
  public static Optional<ResourceRole> parse(@Nullable String text) {
    String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    return name.equals("ACTOR") || name.equals("TARGET")
        ? Optional.of(valueOf(name))
        : Optional.empty();
  }
}
