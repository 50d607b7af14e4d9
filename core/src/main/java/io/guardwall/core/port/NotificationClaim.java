package io.guardwall.core.port;

import io.guardwall.core.model.SeverityLevel;
import java.util.Objects;
import java.util.UUID;

/**
 * A granted, still pending right to notify one finding at one level, identified by a token that is
 * unique to this claim; immutable. Hand it back to {@link NotificationLog#confirm} or {@link
 * NotificationLog#release}.
 */
public record NotificationClaim(String findingId, SeverityLevel level, String token) {

  public NotificationClaim {
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("a notification claim needs a token");
    }
  }

  /** A claim with a new random token, for a log that has just granted it. */
  public static NotificationClaim granted(String findingId, SeverityLevel level) {
    return new NotificationClaim(findingId, level, UUID.randomUUID().toString());
  }
}
