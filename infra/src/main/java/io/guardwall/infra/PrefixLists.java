package io.guardwall.infra;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnPrefixList;
import software.amazon.awscdk.services.networkfirewall.CfnRuleGroup;
import software.amazon.awscdk.services.ram.CfnResourceShare;
import software.constructs.Construct;

/**
 * The prefix-list enforcement point: one managed prefix list per address family, the stateful rule
 * group that drops traffic to and from them and, if asked for, their RAM share; immutable once
 * created.
 *
 * @param lists the IPv4 list, then the IPv6 list
 * @param ruleGroup the stateful group to add to a firewall policy
 */
record PrefixLists(List<CfnPrefixList> lists, CfnRuleGroup ruleGroup) {

  /** IAM actions of the prefix-list adapter that take a list's ARN. */
  static final List<String> LIST_ACTIONS =
      List.of("ec2:GetManagedPrefixListEntries", "ec2:ModifyManagedPrefixList");

  /** DescribeManagedPrefixLists has no resource-level permissions. */
  static final List<String> DESCRIBE_ACTIONS = List.of("ec2:DescribeManagedPrefixLists");

  PrefixLists {
    lists = List.copyOf(lists);
  }

  static PrefixLists create(Construct scope, EnforcementSettings settings) {
    String prefix = Stack.of(scope).getStackName() + "-blocklist";
    List<CfnPrefixList> lists =
        List.of(
            list(scope, "PrefixListIpv4", prefix + "-ipv4", "IPv4", settings),
            list(scope, "PrefixListIpv6", prefix + "-ipv6", "IPv6", settings));
    List<String> arns = lists.stream().map(CfnPrefixList::getAttrArn).toList();
    CfnRuleGroup group =
        StatefulRuleGroups.create(
            scope, "StatefulRuleGroup", prefix, arns, settings.statefulRuleOrder());
    if (!settings.ramPrincipals().isEmpty()) {
      share(scope, prefix, arns, settings.ramPrincipals());
    }
    return new PrefixLists(lists, group);
  }

  /** The target SPEC: the lists' ids joined by commas, one target. */
  String spec() {
    return String.join(",", lists.stream().map(CfnPrefixList::getAttrPrefixListId).toList());
  }

  List<String> arns() {
    return lists.stream().map(CfnPrefixList::getAttrArn).toList();
  }

  private static CfnPrefixList list(
      Construct scope, String id, String name, String family, EnforcementSettings settings) {
    // Created empty: guardwall's reconcile fills it, and owns every entry.
    return CfnPrefixList.Builder.create(scope, id)
        .prefixListName(name)
        .addressFamily(family)
        .maxEntries(settings.prefixListMaxEntries())
        .build();
  }

  private static void share(
      Construct scope, String name, List<String> arns, List<String> principals) {
    CfnResourceShare.Builder.create(scope, "PrefixListShare")
        .name(name)
        .resourceArns(arns)
        .principals(principals)
        .allowExternalPrincipals(false)
        .build();
  }
}
