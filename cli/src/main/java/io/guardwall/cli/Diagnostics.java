package io.guardwall.cli;

import io.guardwall.core.text.InertText;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The CLI's own lines on stderr, one per message and prefixed {@code guardwall:}, with outside text
 * (file names, finding text, store messages) made inert; thread-safe.
 */
final class Diagnostics {

  private final PrintWriter err;

  Diagnostics(PrintWriter err) {
    this.err = err;
  }

  /** The diagnostics of the command {@code spec} runs. */
  static Diagnostics of(CommandSpec spec) {
    return new Diagnostics(spec.commandLine().getErr());
  }

  /** Why the command stopped. */
  void fatal(String message) {
    print("guardwall: ", message);
  }

  /** Part of the work that failed; the command goes on and exits 1. */
  void error(String message) {
    print("guardwall: error: ", message);
  }

  /** Something the user should know that did not stop or fail the work. */
  void warning(String message) {
    print("guardwall: warning: ", message);
  }

  private void print(String prefix, String message) {
    synchronized (err) {
      err.println(prefix + InertText.of(message));
      err.flush();
    }
  }
}
