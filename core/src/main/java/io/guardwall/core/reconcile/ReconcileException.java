package io.guardwall.core.reconcile;

/** The firewall could not be brought to the desired state within the retry budget. */
public class ReconcileException extends RuntimeException {
  public ReconcileException(String message, Throwable cause) {
    super(message, cause);
  }
}
