package io.guardwall.core.local;

import io.guardwall.core.port.Firewall;
import io.guardwall.core.port.FirewallContract;

/** The in-memory dry-run group keeps the contract every firewall shares. */
class DryRunFirewallTest extends FirewallContract {
  @Override
  protected Firewall newFirewall(int capacity) {
    return new DryRunFirewall(capacity);
  }
}
