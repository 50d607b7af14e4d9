package io.guardwall.infra;

/**
 * The rule order of guardwall's stateful rule group, which must be its firewall policy's;
 * immutable.
 */
public enum StatefulRuleOrder {
  DEFAULT_ACTION_ORDER,
  STRICT_ORDER
}
