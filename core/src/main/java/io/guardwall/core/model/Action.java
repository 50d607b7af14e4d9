package io.guardwall.core.model;

import java.util.Locale;

/** What a person did to a CIDR, as the audit trail records it. */
public enum Action {
  UNBLOCK,
  EXTEND,
  PIN,
  ALLOW,
  DISALLOW;

  /** The lower-case verb, as the CLI and Slack name it ({@code unblock}). */
  public String verb() {
    return name().toLowerCase(Locale.ROOT);
  }
}
