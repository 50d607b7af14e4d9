package io.guardwall.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.text.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON configuration file over the defaults; every key is optional and an unknown key is an
 * error, so a typo never silently falls back to a default. Stateless and thread-safe.
 */
public final class ConfigReader {

  /** A configuration file is small; a larger file is a mistake, not a configuration. */
  static final long MAX_FILE_BYTES = 1024 * 1024;

  // Trailing text after the object is a mistake (a pasted second object, a stray brace), not
  // something to ignore.
  private static final ObjectReader JSON =
      Jackson.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
    try {
      return read(JSON.readTree(text));
    } catch (JsonProcessingException e) {
      throw new ConfigException("not valid JSON: " + brief(e), e);
    }
  }

  private static String brief(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return e.getOriginalMessage()
        + (at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr());
  }

  /** Applies the keys of {@code json} over the defaults. */
  public static GuardwallConfig read(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new ConfigException("configuration must be a JSON object", null);
    }
    Builder b = new Builder(GuardwallConfig.defaults());
    for (Map.Entry<String, JsonNode> field : json.properties()) {
      apply(b, field.getKey(), field.getValue());
    }
    return b.build();
  }

  private static void apply(Builder b, String key, JsonNode v) {
    try {
      switch (key) {
        case "blockDuration" -> b.blockDuration = duration(v);
        case "notifyThreshold" -> b.notifyThreshold = SeverityLevel.parse(text(v));
        case "apiBlockThreshold" -> b.apiBlockThreshold = SeverityLevel.parse(text(v));
        case "allowList" -> b.allowList = strings(v).stream().map(Cidr::parse).toList();
        case "accounts" -> b.accounts = new LinkedHashSet<>(strings(v));
        case "blockSamples" -> b.blockSamples = bool(v);
        case "blockVictims" -> b.blockVictims = bool(v);
        case "notificationMemory" -> b.notificationMemory = duration(v);
        case "firewall" -> b.firewall = firewall(v, b.firewall);
        case "maxBlockWidth" -> b.maxBlockWidth = blockWidth(v, b.maxBlockWidth);
        default -> throw new IllegalArgumentException("unknown key");
      }
    } catch (RuntimeException e) {
      throw new ConfigException("'" + key + "': " + e.getMessage(), e);
    }
  }

  private static FirewallSettings firewall(JsonNode v, FirewallSettings d) {
    requireKeys(
        v,
        Set.of(
            "sourcePriority",
            "destinationPriority",
            "customActionName",
            "metricDimension",
            "capacity"));
    return new FirewallSettings(
        v.has("sourcePriority") ? integer(v.get("sourcePriority")) : d.sourcePriority(),
        v.has("destinationPriority")
            ? integer(v.get("destinationPriority"))
            : d.destinationPriority(),
        v.has("customActionName") ? text(v.get("customActionName")) : d.customActionName(),
        v.has("metricDimension") ? text(v.get("metricDimension")) : d.metricDimension(),
        v.has("capacity") ? integer(v.get("capacity")) : d.capacity());
  }

  private static BlockWidth blockWidth(JsonNode v, BlockWidth d) {
    requireKeys(v, Set.of("ipv4", "ipv6"));
    return new BlockWidth(
        v.has("ipv4") ? integer(v.get("ipv4")) : d.ipv4(),
        v.has("ipv6") ? integer(v.get("ipv6")) : d.ipv6());
  }

  private static void requireKeys(JsonNode v, Set<String> known) {
    if (!v.isObject()) {
      throw new IllegalArgumentException("must be an object");
    }
    v.fieldNames()
        .forEachRemaining(
            k -> {
              if (!known.contains(k)) {
                throw new IllegalArgumentException("unknown key '" + k + "'");
              }
            });
  }

  private static Duration duration(JsonNode v) {
    try {
      return Duration.parse(text(v));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 duration such as PT12H: " + v, e);
    }
  }

  private static String text(JsonNode v) {
    if (!v.isTextual()) {
      throw new IllegalArgumentException("must be a string, got " + v.getNodeType());
    }
    return v.asText();
  }

  private static int integer(JsonNode v) {
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("must be an integer, got " + v);
    }
    return v.asInt();
  }

  private static boolean bool(JsonNode v) {
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("must be true or false, got " + v);
    }
    return v.asBoolean();
  }

  private static List<String> strings(JsonNode v) {
    if (!v.isArray()) {
      throw new IllegalArgumentException("must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    v.forEach(item -> out.add(text(item)));
    return out;
  }

  /** Mutable collector of the keys read so far; the record validates at the end. */
  private static final class Builder {
    Duration blockDuration;
    SeverityLevel notifyThreshold;
    SeverityLevel apiBlockThreshold;
    List<Cidr> allowList;
    Set<String> accounts;
    boolean blockSamples;
    boolean blockVictims;
    Duration notificationMemory;
    FirewallSettings firewall;
    BlockWidth maxBlockWidth;

    Builder(GuardwallConfig d) {
      blockDuration = d.blockDuration();
      notifyThreshold = d.notifyThreshold();
      apiBlockThreshold = d.apiBlockThreshold();
      allowList = d.allowList();
      accounts = d.accounts();
      blockSamples = d.blockSamples();
      blockVictims = d.blockVictims();
      notificationMemory = d.notificationMemory();
      firewall = d.firewall();
      maxBlockWidth = d.maxBlockWidth();
    }

    GuardwallConfig build() {
      try {
        return new GuardwallConfig(
            blockDuration,
            notifyThreshold,
            apiBlockThreshold,
            allowList,
            accounts,
            blockSamples,
            blockVictims,
            notificationMemory,
            firewall,
            maxBlockWidth);
      } catch (RuntimeException e) {
        throw new ConfigException(String.valueOf(e.getMessage()), e);
      }
    }
  }
}
