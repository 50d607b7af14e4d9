package io.guardwall.core.testing;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.TargetKind;
import io.guardwall.core.port.TargetSnapshot;
import java.util.List;

/**
 * An enforcement point that passes every call to another, for a test double that overrides only the
 * calls it watches or breaks. As thread-safe as the target it wraps.
 */
public abstract class ForwardingTarget implements EnforcementPoint {

  private final EnforcementPoint real;

  protected ForwardingTarget(EnforcementPoint real) {
    this.real = real;
  }

  @Override
  public String name() {
    return real.name();
  }

  @Override
  public TargetKind kind() {
    return real.kind();
  }

  @Override
  public TargetSnapshot read() {
    return real.read();
  }

  @Override
  public void apply(TargetSnapshot base, List<Cidr> blocked) {
    real.apply(base, blocked);
  }
}
