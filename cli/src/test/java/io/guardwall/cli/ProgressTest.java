package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.guardwall.core.flow.EventReport;
import io.guardwall.slack.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

  private static final Map<String, String> TTY = Map.of(ProgressOptions.TTY_VARIABLE, "1");

  private final StringWriter err = new StringWriter();
  private final FakeTime time = FakeTime.frozen();

  @TempDir Path dir;

  @Test
  void done_shouldRewriteTheLineAtMostEveryInterval_whenEventsComeFast() {
    Progress progress = Progress.on(new PrintWriter(err), time, true);

    progress.done(EventReport.failed("f", 0, "bad"));
    time.pass(Duration.ofMillis(100));
    progress.done(EventReport.failed("f", 0, "bad"));
    time.pass(Progress.EVERY);
    progress.done(EventReport.failed("f", 0, "bad"));
    progress.done(EventReport.failed("f", 0, "bad"));

    assertThat(err.toString()).isEqualTo("\rread 3 events (0 findings), 9 events/s");
  }

  @Test
  void end_shouldWriteTheFinalLineAndANewline_whenShown() {
    Progress progress = Progress.on(new PrintWriter(err), time, true);

    progress.done(EventReport.failed("f", 0, "bad"));
    progress.done(EventReport.failed("f", 0, "bad"));
    time.pass(Duration.ofSeconds(1));
    progress.end();

    assertThat(err.toString())
        .isEqualTo("\rread 2 events (0 findings), 2 events/s" + System.lineSeparator());
  }

  @Test
  void end_shouldWriteNothing_whenNotShown() {
    Progress progress = Progress.on(new PrintWriter(err), time, false);

    progress.done(EventReport.failed("f", 0, "bad"));
    time.pass(Duration.ofSeconds(1));
    progress.done(EventReport.failed("f", 0, "bad"));
    progress.end();

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void replay_shouldShowNoProgress_whenStderrIsNotATerminal() throws Exception {
    CliRunner r = CliRunner.run("replay", events().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void replay_shouldShowCountsAndRateOnStderrOnly_whenStderrIsATerminal() throws Exception {
    CliRunner r = CliRunner.runWith(TTY, "replay", events().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .isEqualTo("\rread 2 events (2 findings), 0 events/s" + System.lineSeparator());
    assertThat(r.out()).doesNotContain(" events (");
  }

  @Test
  void replay_shouldShowNoProgress_whenQuiet() throws Exception {
    CliRunner r = CliRunner.runWith(TTY, "replay", "--quiet", events().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void process_shouldShowCountsAndRate_whenStderrIsATerminal() throws Exception {
    CliRunner r = process(TTY);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("\rread 2 events (2 findings), 0 events/s" + System.lineSeparator());
  }

  @Test
  void process_shouldShowNoProgress_whenNotATerminalOrQuiet() throws Exception {
    CliRunner plain = process(Map.of());
    CliRunner quiet = process(TTY, "--quiet");

    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(plain.err()).doesNotContain(" events (");
    assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    assertThat(quiet.err()).doesNotContain(" events (");
  }

  private CliRunner process(Map<String, String> env, String... options) throws Exception {
    String[] args = new String[options.length + 4];
    args[0] = "process";
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--state";
    args[options.length + 2] = dir.resolve("state.db").toString();
    args[options.length + 3] = events().toString();
    return CliRunner.runWith(env, args);
  }

  private Path events() throws Exception {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(
        file,
        ReplayCommandTest.event("f1", 8.0, "198.51.100.7")
            + "\n"
            + ReplayCommandTest.event("f2", 8.0, "198.51.100.8")
            + "\n");
    return file;
  }
}
