package io.guardwall.core.port;

import org.jspecify.annotations.Nullable;

/** A store could not be read or written; the stored state is as it was before the call. */
public class StoreException extends RuntimeException {
  public StoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
