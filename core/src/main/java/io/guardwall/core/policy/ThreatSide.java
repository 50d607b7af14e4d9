package io.guardwall.core.policy;

/** Which side of a finding is the threat, as its type tells; see {@link ThreatSides}. */
enum ThreatSide {
  /** The remote address is the threat: threat intelligence names it, or it attacks the workload. */
  REMOTE,
  /** The workload is the actor; the remote address is its target or peer, not the attacker. */
  WORKLOAD,
  /**
   * A principal's behaviour: the remote address is the API caller, who may be the legitimate user
   * or another AWS account's host; a VPC firewall does not stop AWS API calls.
   */
  CALLER,
  /** Either way: {@code resourceRole} and the connection direction decide. */
  BY_ROLE
}
