package io.guardwall.cli;

import io.guardwall.core.flow.EventReport;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/** Counts processed events and prints progress lines on stderr; thread-safe. */
final class Progress {

  private final PrintWriter err;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong findings = new AtomicLong();

  Progress(PrintWriter err) {
    this.err = err;
  }

  EventReport done(EventReport report) {
    findings.addAndGet(report.findings().size());
    done.incrementAndGet();
    return report;
  }

  void print(int reconciles) {
    synchronized (err) {
      err.printf(
          "processed %d events (%d findings), %d reconciles%n",
          done.get(), findings.get(), reconciles);
      err.flush();
    }
  }
}
