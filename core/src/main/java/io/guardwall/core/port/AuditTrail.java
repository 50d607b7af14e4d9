package io.guardwall.core.port;

import io.guardwall.core.model.AuditRecord;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail: every action people took, kept for good. Implementations are thread-safe; a
 * failure throws {@link StoreException}.
 */
public interface AuditTrail {

  /** Appends {@code record}; records of the same instant are all kept. */
  void record(AuditRecord record);

  /** The records at or after {@code from}, oldest first. */
  List<AuditRecord> since(Instant from);

  /** A trail kept in memory only, for processes that keep nothing between runs (tests). */
  static AuditTrail inMemory() {
    return new InMemoryAuditTrail();
  }
}
