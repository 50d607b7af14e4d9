package io.guardwall.cli;

import io.guardwall.core.flow.EventReport;
import io.guardwall.slack.Time;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the events a run reads and, when shown, rewrites one progress line on stderr (events,
 * findings, events per second) at most every {@link #EVERY}; thread-safe. No ETA: sources stream
 * (gzip, folders read lazily), so the bytes left are not known cheaply.
 */
final class Progress {

  /** The line is rewritten at most this often, so a fast run does not flood the terminal. */
  static final Duration EVERY = Duration.ofMillis(250);

  private final PrintWriter err;
  private final Time time;
  private final boolean shown;
  private final long start;
  private final AtomicLong lastShown;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong findings = new AtomicLong();

  private Progress(PrintWriter err, Time time, boolean shown) {
    this.err = err;
    this.time = time;
    this.shown = shown;
    this.start = time.nanoTime();
    this.lastShown = new AtomicLong(start);
  }

  /** Shown on {@code err} when {@code shown}, else only counting. */
  static Progress on(PrintWriter err, Time time, boolean shown) {
    return new Progress(err, time, shown);
  }

  /** Counts {@code report}'s event and shows the line when {@link #EVERY} has passed. */
  EventReport done(EventReport report) {
    findings.addAndGet(report.findings().size());
    done.incrementAndGet();
    show();
    return report;
  }

  /** Rewrites the line when shown and {@link #EVERY} has passed since the last time. */
  void show() {
    long now = time.nanoTime();
    long last = lastShown.get();
    if (shown && now - last >= EVERY.toNanos() && lastShown.compareAndSet(last, now)) {
      write(now, "");
    }
  }

  /** Writes the final line and ends it, when shown. */
  void end() {
    if (shown) {
      write(time.nanoTime(), System.lineSeparator());
    }
  }

  private void write(long now, String end) {
    long events = done.get();
    double seconds = (now - start) / 1e9;
    long rate = seconds > 0 ? Math.round(events / seconds) : 0;
    synchronized (err) {
      err.print(
          String.format(
              Locale.ROOT,
              "\rread %d events (%d findings), %d events/s%s",
              events,
              findings.get(),
              rate,
              end));
      err.flush();
    }
  }
}
