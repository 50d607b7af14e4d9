package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorHandlerTest {

  /** A command whose work hits a programming error. */
  @Command(name = "buggy")
  record Buggy(RuntimeException bug) implements Callable<Integer> {
    @Override
    public Integer call() {
      throw bug;
    }
  }

  private static CliRunner run(RuntimeException bug) {
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new Buggy(bug)).setExecutionExceptionHandler(new ErrorHandler());
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute();
    return new CliRunner(code, "", err.toString());
  }

  @Test
  void handleExecutionException_shouldPrintOneLineAndExit1_whenACommandHitsABug() {
    CliRunner r = run(new IllegalStateException("routing table out of step"));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().lines()).containsExactly("guardwall: routing table out of step");
  }

  @Test
  void handleExecutionException_shouldNameTheException_whenTheBugHasNoMessage() {
    CliRunner r = run(new NullPointerException());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().lines()).containsExactly("guardwall: java.lang.NullPointerException");
  }
}
