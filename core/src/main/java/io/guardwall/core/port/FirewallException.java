package io.guardwall.core.port;

import org.jspecify.annotations.Nullable;

/**
 * A firewall call failed. This class itself means retrying will not help (access denied, no such
 * rule group, the group rejected as invalid or over capacity); {@link FirewallRetryableException}
 * marks the failures that a later attempt may not have.
 */
public class FirewallException extends RuntimeException {
  public FirewallException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
