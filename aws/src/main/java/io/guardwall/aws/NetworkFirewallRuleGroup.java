package io.guardwall.aws;

import io.guardwall.core.port.FirewallException;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.networkfirewall.NetworkFirewallClient;
import software.amazon.awssdk.services.networkfirewall.model.DescribeRuleGroupResponse;
import software.amazon.awssdk.services.networkfirewall.model.RuleGroup;
import software.amazon.awssdk.services.networkfirewall.model.RuleGroupType;

/**
 * A Network Firewall stateless rule group behind {@link StatelessRuleGroup}: DescribeRuleGroup and
 * UpdateRuleGroup with the group's update token. Thread-safe (the SDK client is).
 *
 * <p>The SDK's own retries are switched off for both calls, even on a client configured with them:
 * the reconciler already retries with bounded, jittered backoff, and it must see every conflict so
 * that it re-reads the group and the desired state before writing again. Retrying a stale-token
 * update as it was sent can never succeed, and stacking the SDK's attempts under the reconciler's
 * would multiply both the calls and the time a failed run takes.
 */
final class NetworkFirewallRuleGroup implements StatelessRuleGroup {

  private final NetworkFirewallClient client;
  private final RuleGroupArn arn;

  NetworkFirewallRuleGroup(NetworkFirewallClient client, RuleGroupArn arn) {
    this.client = Objects.requireNonNull(client, "client");
    this.arn = Objects.requireNonNull(arn, "arn");
  }

  @Override
  public RuleGroupRead describe() {
    DescribeRuleGroupResponse response =
        call(
            "DescribeRuleGroup",
            () ->
                client.describeRuleGroup(
                    r ->
                        r.ruleGroupArn(arn.value())
                            .type(RuleGroupType.STATELESS)
                            .overrideConfiguration(SdkRetries.NONE)));
    Integer capacity =
        response.ruleGroupResponse() == null ? null : response.ruleGroupResponse().capacity();
    if (capacity == null || response.updateToken() == null) {
      throw new FirewallException(
          "DescribeRuleGroup on rule group " + arn + " returned no Capacity or no UpdateToken",
          null);
    }
    return new RuleGroupRead(response.ruleGroup(), capacity, response.updateToken());
  }

  @Override
  public void update(RuleGroupRead base, RuleGroup ruleGroup) {
    call(
        "UpdateRuleGroup",
        () ->
            client.updateRuleGroup(
                r ->
                    r.ruleGroupArn(arn.value())
                        .type(RuleGroupType.STATELESS)
                        .updateToken(base.updateToken())
                        .ruleGroup(ruleGroup)
                        .overrideConfiguration(SdkRetries.NONE)));
  }

  @Override
  public String toString() {
    return "NetworkFirewallRuleGroup[" + arn + "]";
  }

  private <T> T call(String operation, Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      throw FirewallErrors.translate(operation, arn, e);
    }
  }
}
