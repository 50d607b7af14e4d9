package io.guardwall.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One in-process CLI run that also keeps what bypassed picocli's writers: System.out and
 * System.err, java.util.logging records, and a Throwable that escaped; not thread-safe (it swaps
 * the JVM's standard streams while it runs).
 *
 * @param cli the run as {@link CliRunner} saw it, null when it threw
 * @param stray what went to System.out, System.err and the log
 * @param thrown what escaped the command, null when nothing did
 * @param loggedThrowable true when a log record carried a stack trace
 */
record CapturedRun(CliRunner cli, String stray, Throwable thrown, boolean loggedThrowable) {

  static CapturedRun of(String... args) {
    ByteArrayOutputStream stray = new ByteArrayOutputStream();
    LogCapture log = new LogCapture();
    PrintStream out = System.out;
    PrintStream err = System.err;
    Logger root = Logger.getLogger("");
    try (PrintStream capture = new PrintStream(stray, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      root.addHandler(log);
      return finish(args, stray, log);
    } finally {
      root.removeHandler(log);
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static CapturedRun finish(String[] args, ByteArrayOutputStream stray, LogCapture log) {
    CliRunner cli = null;
    Throwable thrown = null;
    try {
      cli = CliRunner.run(args);
    } catch (Throwable t) { // the corpus must see a crash of any kind, Errors included
      thrown = t;
    }
    String logged = String.join("\n", log.messages);
    return new CapturedRun(
        cli, stray.toString(StandardCharsets.UTF_8) + logged, thrown, log.sawThrowable);
  }

  /** Everything a person would see: stdout, stderr and the stray output. */
  String everything() {
    return cli == null ? stray : cli.out() + "\n" + cli.err() + "\n" + stray;
  }

  /** What went to stderr, System.out, System.err and the log: diagnostics for a person. */
  String diagnostics() {
    return cli == null ? stray : cli.err() + "\n" + stray;
  }

  /** Keeps the log records of one run. */
  private static final class LogCapture extends Handler {
    private final List<String> messages = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private boolean sawThrowable;

    @Override
    public void publish(LogRecord r) {
      messages.add(formatter.formatMessage(r));
      sawThrowable |= r.getThrown() != null;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
