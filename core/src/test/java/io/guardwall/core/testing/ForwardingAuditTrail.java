package io.guardwall.core.testing;

import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.port.AuditTrail;
import java.time.Instant;
import java.util.List;

/**
 * An in-memory audit trail that a test double extends, overriding only the calls it watches or
 * breaks. Not thread-safe beyond what the in-memory trail is.
 */
public abstract class ForwardingAuditTrail implements AuditTrail {

  private final AuditTrail inner = AuditTrail.inMemory();

  @Override
  public String record(AuditRecord record) {
    return inner.record(record);
  }

  @Override
  public void complete(String id, AuditRecord completed) {
    inner.complete(id, completed);
  }

  @Override
  public List<AuditRecord> since(Instant from) {
    return inner.since(from);
  }

  @Override
  public Instant reportedUntil() {
    return inner.reportedUntil();
  }

  @Override
  public void markReported(Instant until) {
    inner.markReported(until);
  }
}
