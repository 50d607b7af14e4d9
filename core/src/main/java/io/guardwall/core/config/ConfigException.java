package io.guardwall.core.config;

/** The configuration cannot be used; the message names the file and the key. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
