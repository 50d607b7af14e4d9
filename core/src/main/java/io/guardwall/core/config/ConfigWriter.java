package io.guardwall.core.config;

/**
 * Writes a configuration as the JSON {@link ConfigReader} reads back equal: every key, in the
 * file's order. Stateless and thread-safe.
 */
public final class ConfigWriter {

  private ConfigWriter() {}

  /** {@code config} as compact JSON. */
  public static String write(GuardwallConfig config) {
    return ConfigSchema.write(config);
  }
}
