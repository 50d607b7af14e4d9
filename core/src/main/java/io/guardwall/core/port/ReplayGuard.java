package io.guardwall.core.port;

import java.time.Instant;

/**
 * Remembers the signed requests already honoured, for as long as they could be replayed, so that
 * each is honoured once; shared by every instance of the endpoint. Implementations are thread-safe
 * and each call is atomic.
 */
public interface ReplayGuard {

  /**
   * Records {@code key} (a request's signature) until {@code forgetAfter}: true the first time,
   * false when it is already remembered at {@code now}, that is, when the request is a replay.
   *
   * @throws StoreException when the record cannot be read or written
   */
  boolean firstUse(String key, Instant now, Instant forgetAfter);
}
