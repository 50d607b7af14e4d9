package io.guardwall.core.port;

import io.guardwall.core.model.AuditRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The audit trail in memory; thread-safe. */
final class InMemoryAuditTrail implements AuditTrail {
  private final List<AuditRecord> records = new ArrayList<>();
  private Instant reportedUntil = Instant.EPOCH;

  @Override
  public synchronized String record(AuditRecord record) {
    records.add(Objects.requireNonNull(record, "record"));
    return Integer.toString(records.size() - 1);
  }

  @Override
  public synchronized void complete(String id, AuditRecord completed) {
    Objects.requireNonNull(completed, "completed");
    int index;
    try {
      index = Integer.parseInt(id);
    } catch (NumberFormatException e) {
      throw new StoreException("no audit record " + id, e);
    }
    if (index < 0 || index >= records.size()) {
      throw new StoreException("no audit record " + id, null);
    }
    records.set(index, records.get(index).completed(completed.status(), completed.outcome()));
  }

  @Override
  public synchronized List<AuditRecord> since(Instant from) {
    Objects.requireNonNull(from, "from");
    return records.stream()
        .filter(r -> !r.at().isBefore(from))
        .sorted(Comparator.comparing(AuditRecord::at))
        .toList();
  }

  @Override
  public synchronized Instant reportedUntil() {
    return reportedUntil;
  }

  @Override
  public synchronized void markReported(Instant until) {
    Objects.requireNonNull(until, "until");
    if (until.isAfter(reportedUntil)) {
      reportedUntil = until;
    }
  }
}
