package io.guardwall.cli;

import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: configuration, state file and output format. */
final class CommonOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "JSON configuration file (see README); defaults apply without it.")
  Path config;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  GuardwallConfig config() {
    return config == null ? GuardwallConfig.defaults() : ConfigReader.read(config);
  }
}
