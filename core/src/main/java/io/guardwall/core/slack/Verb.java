package io.guardwall.core.slack;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a button or menu option on a guardwall message asks for; its value format is shared by the
 * messages that carry it and the endpoint that reads it.
 */
public enum Verb {
  UNBLOCK,
  EXTEND,
  PIN,
  ALLOW;

  /** The word a button's value starts with. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The verb whose {@link #word()} is {@code word}, if any. */
  public static Optional<Verb> of(String word) {
    return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
  }

  /**
   * The value a button or option carries for this verb on {@code cidr}: {@code "unblock
   * 1.2.3.4/32"}.
   */
  public String value(String cidr) {
    return word() + " " + cidr;
  }
}
