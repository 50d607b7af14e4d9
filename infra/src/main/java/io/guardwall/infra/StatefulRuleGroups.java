package io.guardwall.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awscdk.services.networkfirewall.CfnRuleGroup;
import software.constructs.Construct;

/**
 * Creates the STATEFUL Network Firewall rule group that drops all IP traffic to and from the
 * addresses of managed prefix lists, through IP set references; stateless.
 *
 * <p>Suricata rules, because IP set references are rule variables ({@code @NAME}) of
 * Suricata-compatible groups. Two rules per list (source, destination); a stateful group's capacity
 * is its number of rules, and guardwall never writes this group (it writes the lists), so its
 * capacity is exactly that.
 */
final class StatefulRuleGroups {

  /** Network Firewall's limit of IP set references in one rule group. */
  static final int MAX_REFERENCES = 5;

  static final String REFERENCE_PREFIX = "GUARDWALL_BLOCKLIST_";

  private StatefulRuleGroups() {}

  /**
   * @param listArns the prefix lists' ARNs (1-5; shared ones included)
   */
  static CfnRuleGroup create(
      Construct scope, String id, String name, List<String> listArns, StatefulRuleOrder order) {
    if (listArns.isEmpty() || listArns.size() > MAX_REFERENCES) {
      throw new IllegalArgumentException(
          "a stateful rule group references 1-"
              + MAX_REFERENCES
              + " prefix lists: "
              + listArns.size());
    }
    return CfnRuleGroup.Builder.create(scope, id)
        .type("STATEFUL")
        .ruleGroupName(name)
        .capacity(2 * listArns.size())
        .description("guardwall blocklist: drops traffic to and from guardwall's prefix lists")
        .ruleGroup(
            CfnRuleGroup.RuleGroupProperty.builder()
                .statefulRuleOptions(
                    CfnRuleGroup.StatefulRuleOptionsProperty.builder()
                        .ruleOrder(order.name())
                        .build())
                .referenceSets(
                    CfnRuleGroup.ReferenceSetsProperty.builder()
                        .ipSetReferences(references(listArns))
                        .build())
                .rulesSource(
                    CfnRuleGroup.RulesSourceProperty.builder()
                        .rulesString(rules(listArns.size()))
                        .build())
                .build())
        .build();
  }

  /** The Suricata rules: for list i, sids 2i-1 (traffic from it) and 2i (traffic to it). */
  static String rules(int lists) {
    return String.join(
        "\n",
        IntStream.rangeClosed(1, lists)
            .mapToObj(
                i ->
                    drop(i, "@" + REFERENCE_PREFIX + i + " any -> any any", 2 * i - 1, "from")
                        + "\n"
                        + drop(i, "any any -> @" + REFERENCE_PREFIX + i + " any", 2 * i, "to"))
            .toList());
  }

  private static String drop(int list, String header, int sid, String direction) {
    return "drop ip "
        + header
        + " (msg:\"guardwall: blocked, "
        + direction
        + " prefix list "
        + list
        + "\"; sid:"
        + sid
        + "; rev:1;)";
  }

  private static Map<String, Object> references(List<String> listArns) {
    Map<String, Object> refs = new LinkedHashMap<>();
    for (int i = 0; i < listArns.size(); i++) {
      refs.put(
          REFERENCE_PREFIX + (i + 1),
          CfnRuleGroup.IPSetReferenceProperty.builder().referenceArn(listArns.get(i)).build());
    }
    return refs;
  }
}
