package io.guardwall.core.local;

import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.EnforcementPointContract;

class DryRunTargetTest extends EnforcementPointContract {

  @Override
  protected EnforcementPoint newTarget(int room) {
    return new DryRunTarget(CidrBudget.shared(room));
  }

  @Override
  protected boolean throttleNextCall() {
    return false;
  }

  @Override
  protected boolean addForeignEntry() {
    return false;
  }

  @Override
  protected boolean foreignEntryIntact() {
    return false;
  }
}
