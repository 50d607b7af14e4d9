package io.guardwall.cli;

import io.guardwall.core.flow.EventReport;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts processed events and prints progress lines on stderr; thread-safe. */
final class Progress {

  private final int total;
  private final PrintWriter err;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger findings = new AtomicInteger();

  Progress(int total, PrintWriter err) {
    this.total = total;
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
          "processed %d/%d events (%d findings), %d reconciles%n",
          done.get(), total, findings.get(), reconciles);
      err.flush();
    }
  }
}
