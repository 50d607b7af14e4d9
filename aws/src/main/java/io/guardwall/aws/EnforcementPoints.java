package io.guardwall.aws;

import io.guardwall.core.port.EnforcementPoint;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.networkfirewall.NetworkFirewallClient;

/**
 * Builds the enforcement point a SPEC names (the {@code --firewall} option, {@code
 * GUARDWALL_TARGETS}); stateless.
 */
public final class EnforcementPoints {

  private static final String NETWORK_FIREWALL = "arn:aws:network-firewall:";
  private static final String WAF = "arn:aws:wafv2:";

  private EnforcementPoints() {}

  /**
   * The target {@code spec} names, through clients of its own (the region is the SPEC's,
   * credentials and endpoints as for every SDK client) that live as long as the process.
   *
   * @throws IllegalArgumentException naming {@code spec} when it names no kind of target guardwall
   *     knows, or is malformed
   */
  public static EnforcementPoint open(String spec, RuleGroupLayout layout) {
    return open(spec, layout, region -> AwsClients.build(NetworkFirewallClient.builder(), region));
  }

  /** As {@link #open(String, RuleGroupLayout)}, with the Network Firewall client for a region. */
  static EnforcementPoint open(
      String spec, RuleGroupLayout layout, Function<Region, NetworkFirewallClient> firewalls) {
    String trimmed = spec.strip();
    if (trimmed.startsWith(NETWORK_FIREWALL)) {
      RuleGroupArn arn = RuleGroupArn.parse(trimmed);
      return new NetworkFirewallTarget(
          arn.value(),
          new NetworkFirewallRuleGroup(firewalls.apply(arn.region()), arn),
          new StatelessRuleGroupCodec(layout));
    }
    if (PrefixListIds.matches(trimmed)) {
      return Ec2PrefixListTarget.open(
          AwsClients.build(Ec2Client.builder()), trimmed, PrefixListSettings.defaults());
    }
    if (trimmed.startsWith(WAF)) {
      return WafIpSetTarget.open(trimmed, WafIpSetTarget.MAX_ADDRESSES_PER_SET);
    }
    throw new IllegalArgumentException(
        "unknown target '"
            + spec
            + "': expected a Network Firewall stateless rule group ARN"
            + " (arn:aws:network-firewall:REGION:ACCOUNT:stateless-rulegroup/NAME), prefix-list ids"
            + " or ARNs (pl-...[,pl-...]) or WAF IP set ARNs (arn:aws:wafv2:...[,arn:aws:wafv2:...])");
  }

  /**
   * Whether {@code spec} names a target only {@link #open} builds (a prefix list or WAF IP set).
   */
  public static boolean isTargetOnly(String spec) {
    String trimmed = spec.strip();
    return PrefixListIds.matches(trimmed) || trimmed.startsWith(WAF);
  }
}
