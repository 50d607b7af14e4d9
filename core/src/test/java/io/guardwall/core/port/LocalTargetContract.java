package io.guardwall.core.port;

/**
 * The contract for a target guardwall keeps itself (the dry run's): no service to throttle it, and
 * nothing in it that guardwall does not own, so those cases are skipped.
 */
public abstract class LocalTargetContract extends EnforcementPointContract {

  @Override
  protected final boolean throttleNextCall() {
    return false;
  }

  @Override
  protected final boolean addForeignEntry() {
    return false;
  }

  @Override
  protected final boolean foreignEntryIntact() {
    return false;
  }
}
