package io.guardwall.core.policy;

import io.guardwall.core.model.RemoteIp;
import java.util.Objects;

/** Whether one remote address of a finding is blocked, and why; immutable. */
public record IpDecision(RemoteIp ip, boolean block, String reason) {

  public IpDecision {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(reason, "reason");
  }

  static IpDecision block(RemoteIp ip, String reason) {
    return new IpDecision(ip, true, reason);
  }

  static IpDecision skip(RemoteIp ip, String reason) {
    return new IpDecision(ip, false, reason);
  }
}
