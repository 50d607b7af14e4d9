package io.guardwall.core.flow;

import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import java.util.List;
import java.util.Objects;

/**
 * What came of a person's action, as recorded in the audit trail; immutable.
 *
 * @param record the audit record written: who, what, when, why, done or refused and why
 * @param entries the blocklist entries the action changed (as they are now) or removed
 * @param coveredBy for a refused unblock, the entries that still block the CIDR
 */
public record ActionOutcome(
    AuditRecord record, List<BlocklistEntry> entries, List<Cidr> coveredBy) {

  public ActionOutcome {
    Objects.requireNonNull(record, "record");
    entries = List.copyOf(entries);
    coveredBy = List.copyOf(coveredBy);
  }

  /** Whether the action changed anything. */
  public boolean done() {
    return record.done();
  }

  /** What happened or why not, in one sentence. */
  public String message() {
    return record.outcome();
  }
}
