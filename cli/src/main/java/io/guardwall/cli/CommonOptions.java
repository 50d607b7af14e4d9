package io.guardwall.cli;

import io.guardwall.aws.SsmConfigSource;
import io.guardwall.core.config.ConfigReader;
import io.guardwall.core.config.GuardwallConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: configuration, state file and output format. */
final class CommonOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE|ssm:PARAMETER",
      description =
          "JSON configuration: a file, or an SSM parameter (see README); defaults apply without"
              + " it.")
  String config;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  GuardwallConfig config() {
    if (config == null) {
      return GuardwallConfig.defaults();
    }
    return config.startsWith("ssm:")
        ? SsmConfigSource.create(config.substring(4)).config()
        : ConfigReader.read(Path.of(config));
  }
}
