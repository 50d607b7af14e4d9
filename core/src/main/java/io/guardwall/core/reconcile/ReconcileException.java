package io.guardwall.core.reconcile;

import org.jspecify.annotations.Nullable;

/** The firewall could not be brought to the desired state within the retry budget. */
public final class ReconcileException extends RuntimeException {
  ReconcileException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
