package io.guardwall.core.local;

import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.LocalTargetContract;

class DryRunTargetTest extends LocalTargetContract {

  @Override
  protected EnforcementPoint newTarget(int room) {
    return new DryRunTarget(CidrBudget.shared(room));
  }
}
