package io.guardwall.core.port;

import io.guardwall.core.model.SeverityLevel;
import java.util.Objects;

/** One finding to claim the right to notify, at its level, in {@link NotificationLog#claimAll}. */
public record ClaimRequest(String findingId, SeverityLevel level) {
  public ClaimRequest {
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(level, "level");
  }
}
