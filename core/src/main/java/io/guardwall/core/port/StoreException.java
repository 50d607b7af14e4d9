package io.guardwall.core.port;

/** A store could not be read or written; the stored state is as it was before the call. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
