package io.guardwall.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The state file of the commands that operate on kept state. */
final class StateOption {

  @Option(
      names = "--state",
      paramLabel = "FILE",
      defaultValue = "${env:GUARDWALL_STATE:-.guardwall/state.db}",
      description = "SQLite state file (default: $GUARDWALL_STATE or ${DEFAULT-VALUE}).")
  Path file;
}
