package io.guardwall.core.port;

import org.jspecify.annotations.Nullable;

/** A message could not be delivered; the message says why and what to do about it. */
public class NotifyException extends RuntimeException {
  public NotifyException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
