package io.guardwall.core.port;

import io.guardwall.core.model.CidrBudget;
import java.util.Optional;

/**
 * Where guardwall keeps its state: the blocklist, the notification log, the dynamic allow-list and
 * the audit trail, side by side in one place (a SQLite file, a DynamoDB table). Implementations are
 * thread-safe; the stores they hand out are valid until the backend is closed.
 */
public interface StateBackend extends AutoCloseable {

  /** The blocklist; the same store on every call. */
  BlocklistStore blocklist();

  /** The notification log; the same log on every call. */
  NotificationLog notifications();

  /** The dynamic allow-list; the same store on every call. */
  AllowListStore allowList();

  /** The audit trail of people's actions; the same trail on every call. */
  AuditTrail audit();

  /**
   * The enforcement point of dry runs (room {@code budget}), kept in this state so that a later run
   * sees what an earlier one wrote; the same target for every caller sharing the state. Empty when
   * this state keeps none (it lives in memory, or its kind cannot hold one yet).
   */
  default Optional<EnforcementPoint> dryRunTarget(CidrBudget budget) {
    return Optional.empty();
  }

  /**
   * Creates the storage when it does not exist yet (a DynamoDB table); keeps what is stored. A
   * no-op where opening the backend already creates it.
   *
   * @throws StoreException when the storage exists in a shape guardwall cannot use, or cannot be
   *     created
   */
  default void createIfMissing() {}

  /** Releases the connection or file; closing twice does nothing. */
  @Override
  void close();
}
