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
  static final class Buggy implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("routing table out of step");
    }
  }

  @Test
  void handleExecutionException_shouldPrintOneLineAndExit1_whenACommandHitsABug() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Buggy()).setExecutionExceptionHandler(new ErrorHandler());
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute();

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly("guardwall: routing table out of step");
  }
}
