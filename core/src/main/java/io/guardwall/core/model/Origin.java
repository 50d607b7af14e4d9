package io.guardwall.core.model;

/** Where a finding or a block came from. */
public enum Origin {
  GUARDDUTY,
  SECURITYHUB,
  MANUAL
}
