package io.guardwall.cli;

import io.guardwall.core.flow.EventReport;
import io.guardwall.slack.Time;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the events a run reads and, when shown, rewrites one progress line on stderr (events,
 * findings, events per second, and {@code ETA mm:ss} while the sources' total size is known) at
 * most every {@link #EVERY}; thread-safe. The ETA is the time so far scaled by the stored bytes
 * left over the stored bytes read ({@link ReadMeter}); the final line has none.
 */
final class Progress {

  /** The line is rewritten at most this often, so a fast run does not flood the terminal. */
  static final Duration EVERY = Duration.ofMillis(250);

  private final PrintWriter err;
  private final Time time;
  private final boolean shown;
  private final ReadMeter meter;
  private final long start;
  private final AtomicLong lastShown;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong findings = new AtomicLong();
  private int lastLength; // guarded by err: a shorter line is padded to wipe the longer one

  private Progress(PrintWriter err, Time time, boolean shown, ReadMeter meter) {
    this.err = err;
    this.time = time;
    this.shown = shown;
    this.meter = meter;
    this.start = time.nanoTime();
    this.lastShown = new AtomicLong(start);
  }

  /** Shown on {@code err} when {@code shown}, else only counting; no ETA. */
  static Progress on(PrintWriter err, Time time, boolean shown) {
    return new Progress(err, time, shown, ReadMeter.unknown());
  }

  /** As {@link #on}, with an ETA from what {@code meter} counts. */
  static Progress on(PrintWriter err, Time time, boolean shown, ReadMeter meter) {
    return new Progress(err, time, shown, meter);
  }

  /**
   * {@code sources}, counted into this progress's meter as they are read when the line is shown (as
   * they are when not).
   */
  List<EventSource> read(List<EventSource> sources) {
    return shown ? meter.meter(sources) : sources;
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
    Duration elapsed = Duration.ofNanos(now - start);
    double seconds = elapsed.toNanos() / 1e9;
    long rate = seconds > 0 ? Math.round(events / seconds) : 0;
    String eta = end.isEmpty() ? meter.eta(elapsed).map(Progress::eta).orElse("") : "";
    String line =
        String.format(
            Locale.ROOT,
            "read %d events (%d findings), %d events/s%s",
            events,
            findings.get(),
            rate,
            eta);
    synchronized (err) {
      String pad = " ".repeat(Math.max(0, lastLength - line.length()));
      lastLength = line.length();
      err.print("\r" + line + pad + end);
      err.flush();
    }
  }

  /** {@code , ETA mm:ss}; minutes go past 59 rather than adding hours. */
  static String eta(Duration left) {
    long secs =
        (left.toNanos() + 999_999_999L) / 1_000_000_000L; // rounded up: never says 00:00 early
    return String.format(Locale.ROOT, ", ETA %02d:%02d", secs / 60, secs % 60);
  }
}
