package io.guardwall.core.port;

import org.jspecify.annotations.Nullable;

/** A firewall call failed in a way that a later attempt may not (throttling, 5xx, stale token). */
public class FirewallRetryableException extends FirewallException {
  public FirewallRetryableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
