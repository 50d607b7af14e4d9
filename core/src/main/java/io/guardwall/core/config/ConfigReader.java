package io.guardwall.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.text.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads guardwall's configuration over the defaults; every key is optional and an unknown key is an
 * error, so a typo never silently falls back to a default. {@link ConfigWriter} writes the same
 * form. Stateless and thread-safe.
 */
public final class ConfigReader {

  /** A configuration file is small; a larger file is a mistake, not a configuration. */
  static final long MAX_FILE_BYTES = 1024 * 1024;

  private ConfigReader() {}

  /** Reads {@code file}; the message of a {@link ConfigException} names the file and the key. */
  public static GuardwallConfig read(Path file) {
    String text;
    try {
      text = TextFiles.readUtf8(file, MAX_FILE_BYTES);
    } catch (IOException e) {
      throw new ConfigException("config file " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text);
    } catch (ConfigException e) {
      throw new ConfigException("config file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the JSON document {@code text} over the defaults; text after the document is an error.
   */
  public static GuardwallConfig parse(String text) {
    JsonNode json;
    try {
      json = ConfigSchema.parse(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException("not valid JSON: " + ConfigErrors.brief(e), e);
    }
    return read(json);
  }

  /** Applies the keys of {@code json} over the defaults. */
  public static GuardwallConfig read(JsonNode json) {
    if (!(json instanceof ObjectNode keys)) {
      throw new ConfigException("configuration must be a JSON object", null);
    }
    return ConfigSchema.bind(keys);
  }

  /**
   * Applies settings given one by one over the defaults, as a command line or a key/value store
   * holds them: each key is one of {@link #settingKeys()}, and a string may stand for the number,
   * boolean, list (comma-separated) or object (JSON) the key takes.
   *
   * @throws ConfigException naming the key at fault
   */
  public static GuardwallConfig readSettings(Map<String, ?> settings) {
    return ConfigSchema.bind(Settings.tree(settings));
  }

  /**
   * The keys {@link #readSettings} takes: every key of the configuration file, and the keys of its
   * nested objects as dotted paths ({@code firewall.capacity}), in the file's order.
   */
  public static List<String> settingKeys() {
    return Settings.keys();
  }
}
