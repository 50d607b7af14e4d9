package io.guardwall.aws;

import io.guardwall.core.port.Firewall;
import software.amazon.awssdk.services.networkfirewall.NetworkFirewallClient;

/** Factories for the Network Firewall adapters of the {@link Firewall} port; stateless. */
public final class NetworkFirewallAdapters {

  private NetworkFirewallAdapters() {}

  /**
   * The stateless rule group {@code ruleGroupArn}, through a client of its own: the region is the
   * ARN's, credentials come from the default chain, and the endpoint from {@code
   * AWS_ENDPOINT_URL_NETWORK_FIREWALL} or {@code AWS_ENDPOINT_URL} when set, as for every SDK
   * client, and the timeouts of every guardwall client. The client lives as long as the process.
   *
   * @throws IllegalArgumentException when {@code ruleGroupArn} is not a stateless rule group ARN
   */
  public static Firewall ruleGroup(String ruleGroupArn) {
    RuleGroupArn arn = RuleGroupArn.parse(ruleGroupArn);
    return new NetworkFirewallRuleGroup(
        AwsClients.build(NetworkFirewallClient.builder(), arn.region()), arn);
  }

  /**
   * The stateless rule group {@code ruleGroupArn}, through {@code client} (which the caller keeps
   * and closes). The client's own retries are not used for these calls: the reconciler retries.
   *
   * @throws IllegalArgumentException when {@code ruleGroupArn} is not a stateless rule group ARN
   */
  public static Firewall ruleGroup(NetworkFirewallClient client, String ruleGroupArn) {
    return new NetworkFirewallRuleGroup(client, RuleGroupArn.parse(ruleGroupArn));
  }
}
