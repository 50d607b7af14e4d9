package io.guardwall.core.port;

import org.jspecify.annotations.Nullable;

/** The rule group changed since it was read (its update token is stale); re-read and retry. */
public class FirewallConflictException extends FirewallRetryableException {
  public FirewallConflictException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
