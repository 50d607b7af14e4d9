package io.guardwall.core.config;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The configuration cannot be used; the message names the file and the key. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message, @Nullable Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
  }

  /** Never null: every config problem is told in words. */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage(), "message");
  }
}
