package io.guardwall.infra;

import io.guardwall.core.text.Excerpt;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which enforcement points the construct creates and feeds, validated when built; immutable and
 * thread-safe. Errors name the context key of the bad value.
 *
 * @param statelessRuleGroup the Network Firewall stateless rule group (created or given)
 * @param prefixLists one managed prefix list per address family and a stateful rule group that
 *     drops traffic to and from them
 * @param prefixListMaxEntries the lists' MaxEntries when created (the adapter may grow it)
 * @param ramPrincipals accounts, OUs or the organization the lists are shared with through RAM
 * @param statefulRuleOrder the stateful rule group's rule order, its firewall policy's
 * @param wafScope the scope of the WAF IP sets and rule group; null for no WAF
 */
public record EnforcementSettings(
    boolean statelessRuleGroup,
    boolean prefixLists,
    int prefixListMaxEntries,
    List<String> ramPrincipals,
    StatefulRuleOrder statefulRuleOrder,
    @Nullable WafScope wafScope) {

  /** EC2's default quota of entries per prefix list; the quota can be raised on request. */
  static final int DEFAULT_PREFIX_LIST_MAX_ENTRIES = 1_000;

  /** A generous ceiling on MaxEntries: a list this size already needs a raised quota. */
  static final int MAX_PREFIX_LIST_MAX_ENTRIES = 100_000;

  private static final Pattern RAM_PRINCIPAL =
      Pattern.compile(
          "\\d{12}"
              + "|arn:aws[a-z-]*:organizations::\\d{12}:organization/o-[a-z0-9]{10,32}"
              + "|arn:aws[a-z-]*:organizations::\\d{12}:ou/o-[a-z0-9]{10,32}/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}");

  /** Where the WAF IP sets and rule group live: an ALB/API Gateway/AppSync region or CloudFront. */
  public enum WafScope {
    REGIONAL,
    /** CloudFront's WAF resources exist in us-east-1 only. */
    CLOUDFRONT
  }

  public EnforcementSettings {
    ramPrincipals = List.copyOf(ramPrincipals);
    if (prefixListMaxEntries < 1 || prefixListMaxEntries > MAX_PREFIX_LIST_MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "prefixListMaxEntries must be 1-"
              + MAX_PREFIX_LIST_MAX_ENTRIES
              + ": "
              + prefixListMaxEntries);
    }
    ramPrincipals.forEach(EnforcementSettings::requirePrincipal);
    if (!ramPrincipals.isEmpty() && !prefixLists) {
      throw new IllegalArgumentException(
          "ramPrincipals shares the prefix lists: set prefixLists=true too");
    }
    if (!statelessRuleGroup && !prefixLists && wafScope == null) {
      throw new IllegalArgumentException(
          "statelessRuleGroup=false leaves no enforcement point: set prefixLists=true or wafScope");
    }
  }

  /** Only the stateless rule group, as before enforcement points had options. */
  public static EnforcementSettings statelessOnly() {
    return new EnforcementSettings(
        true,
        false,
        DEFAULT_PREFIX_LIST_MAX_ENTRIES,
        List.of(),
        StatefulRuleOrder.DEFAULT_ACTION_ORDER,
        null);
  }

  public Optional<WafScope> waf() {
    return Optional.ofNullable(wafScope);
  }

  /** True when only the stateless rule group is fed, the one target older deployments know. */
  boolean isStatelessOnly() {
    return statelessRuleGroup && !prefixLists && wafScope == null;
  }

  private static void requirePrincipal(String principal) {
    if (!RAM_PRINCIPAL.matcher(principal).matches()) {
      throw new IllegalArgumentException(
          "ramPrincipals: not an account id, OU ARN or organization ARN: " + Excerpt.of(principal));
    }
  }
}
