package io.guardwall.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --quiet} option of the commands that read events, and whether their progress line is
 * shown: only when the launcher saw stderr is a terminal ({@value #TTY_VARIABLE}=1), since Java
 * cannot tell that about stderr alone.
 */
final class ProgressOptions {

  /** Set to 1 by {@code ./guardwall} when stderr is a terminal. */
  static final String TTY_VARIABLE = "GUARDWALL_STDERR_TTY";

  @Option(
      names = "--quiet",
      description = "No progress line on stderr (warnings and errors still go there).")
  boolean quiet;

  /**
   * The progress of {@code spec}'s run over {@code sources}, shown on its stderr when it is a
   * terminal, with an ETA when every source's size is known; read the sources through {@link
   * Progress#read} to feed it.
   */
  Progress progress(CommandSpec spec, List<EventSource> sources) {
    Host host = GuardwallCli.host(spec);
    boolean tty = "1".equals(host.env().get(TTY_VARIABLE));
    return Progress.on(
        spec.commandLine().getErr(), host.slackTime(), tty && !quiet, ReadMeter.of(sources));
  }
}
