package io.guardwall.infra;

import io.guardwall.core.text.Excerpt;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The settings of a {@link GuardwallMemberStack}, validated when built; immutable and thread-safe.
 * Errors name the context key of the bad value.
 *
 * @param sharedPrefixListArns the prefix lists the security account's stack shares (its {@code
 *     PrefixListArns} output), 1-5
 * @param ruleGroupName the name of the stateful rule group created
 * @param statefulRuleOrder its rule order, the member firewall policy's
 */
public record MemberSettings(
    List<String> sharedPrefixListArns, String ruleGroupName, StatefulRuleOrder statefulRuleOrder) {

  /** The context key that selects the member stack instead of guardwall's stack. */
  public static final String SELECT = "memberStack";

  /**
   * The context key of the member stack's name (default GuardwallMember): not {@code stackName},
   * which cdk.json sets for guardwall's stack.
   */
  public static final String STACK_NAME = "memberStackName";

  static final String DEFAULT_RULE_GROUP_NAME = "guardwall-blocklist-stateful";

  private static final Pattern PREFIX_LIST_ARN =
      Pattern.compile("arn:aws[a-z-]*:ec2:[a-z0-9-]+:\\d{12}:prefix-list/pl-[0-9a-f]{8,17}");

  public MemberSettings {
    sharedPrefixListArns = List.copyOf(sharedPrefixListArns);
    int n = sharedPrefixListArns.size();
    if (n < 1 || n > StatefulRuleGroups.MAX_REFERENCES) {
      throw new IllegalArgumentException(
          "sharedPrefixListArns must name 1-" + StatefulRuleGroups.MAX_REFERENCES + " lists: " + n);
    }
    for (String arn : sharedPrefixListArns) {
      if (!PREFIX_LIST_ARN.matcher(arn).matches()) {
        throw new IllegalArgumentException(
            "sharedPrefixListArns: not a prefix list ARN: " + Excerpt.of(arn));
      }
    }
    if (!GuardwallProps.RULE_GROUP_NAME.matcher(ruleGroupName).matches()) {
      throw new IllegalArgumentException(
          "ruleGroupName must match "
              + GuardwallProps.RULE_GROUP_NAME.pattern()
              + ": "
              + Excerpt.of(ruleGroupName));
    }
  }

  /**
   * The settings the context describes.
   *
   * @throws IllegalArgumentException naming the context key of the first bad value
   */
  static MemberSettings read(Function<String, Object> context) {
    List<String> arns =
        ContextProps.value(context, "sharedPrefixListArns", ContextProps::list, List.of());
    String name =
        ContextProps.value(context, "ruleGroupName", ContextProps::text, DEFAULT_RULE_GROUP_NAME);
    try {
      return new MemberSettings(arns, name, ContextProps.ruleOrder(context));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("context: " + e.getMessage(), e);
    }
  }
}
