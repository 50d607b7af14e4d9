package io.guardwall.core.port;

import io.guardwall.core.model.Cidr;
import java.util.List;

/**
 * One place where guardwall's blocks take effect (a Network Firewall rule group, VPC managed prefix
 * lists, WAF IP sets, the dry run's local target): it reports what guardwall's part of it blocks
 * and replaces that with the CIDRs core chose for it, leaving everything guardwall does not own as
 * it was. Implementations are thread-safe; the reconciler serialises the writes to one target.
 */
public interface EnforcementPoint {

  /** How reports name this target: the ARN, id or ids it was configured with. */
  String name();

  /** What kind of target this is. */
  TargetKind kind();

  /**
   * What guardwall's part of the target blocks now, the room it has, and the version a write must
   * be based on.
   *
   * @throws FirewallRetryableException when throttled or the service failed transiently
   * @throws FirewallException when the target cannot be read for good (absent, access denied, not
   *     in a shape guardwall can write)
   */
  TargetSnapshot read();

  /**
   * Makes guardwall's part of the target block exactly {@code blocked}, if the target is still as
   * {@code base} was read. {@code blocked} is what core chose: merged CIDRs that pass the safety
   * rule and fit {@code base.budget()}, IPv4 first, each family ascending; an adapter still refuses
   * (with {@link FirewallException}) a list that does not fit. A target written in several calls
   * may be left part way by a failure; the next apply, from a fresh read, completes it.
   *
   * @throws FirewallConflictException when someone else wrote in between (the version moved)
   * @throws FirewallRetryableException when throttled or the service failed transiently
   * @throws FirewallException when the target refuses for good
   */
  void apply(TargetSnapshot base, List<Cidr> blocked);
}
