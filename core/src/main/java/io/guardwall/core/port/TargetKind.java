package io.guardwall.core.port;

/** The kinds of enforcement point guardwall writes to. */
public enum TargetKind {
  /** A Network Firewall stateless rule group: drop rules by source and by destination. */
  NETWORK_FIREWALL("network-firewall"),
  /** VPC managed prefix lists, referenced by a stateful rule group's IP set references. */
  PREFIX_LIST("prefix-list"),
  /** AWS WAFv2 IP sets, referenced by a block rule. */
  WAF_IP_SET("waf-ip-set"),
  /** The dry run's target, kept in memory or in the local state. */
  DRY_RUN("dry-run");

  private final String label;

  TargetKind(String label) {
    this.label = label;
  }

  /** The kind as reports and JSON name it. */
  public String label() {
    return label;
  }
}
