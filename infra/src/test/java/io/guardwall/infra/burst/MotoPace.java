package io.guardwall.infra.burst;

import io.guardwall.aws.DynamoDbState;
import io.guardwall.aws.MotoServer;
import io.guardwall.core.model.BlockRequest;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.Origin;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.port.BlocklistStore;
import java.time.Duration;
import java.time.Instant;

/**
 * How many of the blocklist's conditional writes moto's DynamoDB takes a second on this machine,
 * now, measured with the production store on a scratch table: creates, then re-sightings (a failed
 * create and an update each), as a burst makes them. A burst runs as fast as that allows.
 * Stateless.
 */
final class MotoPace {

  private static final int ADDRESSES = 40;

  private MotoPace() {}

  /**
   * The speed at which moto keeps up with {@code writesPerSecond} (in modelled time) twice over,
   * between {@code slowest} and real time.
   */
  static Scale speedFor(double writesPerSecond, double slowest) {
    // The probe writes alone; in the burst, moto's SQS, the poller and the handler's workers
    // share the two cores with it, so its pace is read with a margin of four, and never faster
    // than FASTEST.
    double speed = writesPerSecond() / (4 * writesPerSecond);
    return new Scale(Math.max(slowest, Math.min(FASTEST, speed)));
  }

  /** The fastest a burst runs; a CI run at 0.4 could not drain its queue in four minutes. */
  static final double FASTEST = 0.3;

  static double writesPerSecond() {
    String table = "burst-pace-" + System.nanoTime();
    DynamoDbState.createTableIfMissing(MotoServer.dynamoDb(), table);
    BlocklistStore store = DynamoDbState.create(MotoServer.dynamoDb(), table).blocklist();
    Instant start = Instant.now();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < ADDRESSES; i++) {
        store.upsert(request(i));
      }
    }
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    MotoServer.dynamoDb().deleteTable(b -> b.tableName(table));
    // A create is one write, a re-sighting two.
    return 3 * ADDRESSES / seconds;
  }

  private static BlockRequest request(int i) {
    Instant now = Instant.now();
    return new BlockRequest(
        Cidr.ofAddress(Burst.address(i)),
        now,
        now.plus(Duration.ofHours(12)),
        SeverityLevel.LOW,
        "Recon:EC2/PortProbeUnprotectedPort",
        Burst.id(i),
        null,
        "111122223333",
        "us-east-1",
        Origin.GUARDDUTY,
        false);
  }
}
