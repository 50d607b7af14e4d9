package io.guardwall.core.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.port.Firewall;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rule group held in memory that records every group written to it, with the update-token
 * semantics of Network Firewall; the firewall of dry runs. Thread-safe.
 */
public final class DryRunFirewall implements Firewall {

  private final int capacity;
  private final List<ObjectNode> written = new ArrayList<>();
  private @Nullable ObjectNode current;
  private String token = UUID.randomUUID().toString();

  public DryRunFirewall(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public synchronized FirewallSnapshot describe() {
    return new FirewallSnapshot(current == null ? null : current.deepCopy(), capacity, token);
  }

  @Override
  public synchronized void update(FirewallSnapshot base, ObjectNode ruleGroup) {
    if (!token.equals(base.updateToken())) {
      throw new FirewallConflictException("update token is stale", null);
    }
    ObjectNode copy = ruleGroup.deepCopy();
    current = copy;
    written.add(copy);
    token = UUID.randomUUID().toString();
  }

  /** The rule group as last written, if any write happened. */
  public synchronized Optional<ObjectNode> ruleGroup() {
    return Optional.ofNullable(current).map(ObjectNode::deepCopy);
  }

  /** How many writes happened. */
  public synchronized int updates() {
    return written.size();
  }
}
