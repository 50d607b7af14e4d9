package io.guardwall.core.local;

import io.guardwall.core.port.ReplayGuard;
import io.guardwall.core.port.ReplayGuardContract;

class InMemoryReplayGuardTest extends ReplayGuardContract {
  @Override
  protected ReplayGuard newGuard() {
    return new InMemoryReplayGuard();
  }
}
