package io.guardwall.core.config;

import org.jspecify.annotations.Nullable;

/** The configuration cannot be used; the message names the file and the key. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
