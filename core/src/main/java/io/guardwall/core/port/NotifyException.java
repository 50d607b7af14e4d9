package io.guardwall.core.port;

/** A message could not be delivered; the message says why and what to do about it. */
public class NotifyException extends RuntimeException {
  public NotifyException(String message, Throwable cause) {
    super(message, cause);
  }
}
