package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.model.UpsertResult;
import io.guardwall.core.port.BlocklistStore;
import io.guardwall.core.port.BlocklistStoreContract;
import io.guardwall.core.port.Race;
import io.guardwall.core.port.Sighting;
import io.guardwall.core.port.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

@ExtendWith(MotoServer.class)
class DynamoDbBlocklistStoreIT extends BlocklistStoreContract {
  private static final String TABLE = "guardwall-test";

  @Override
  protected BlocklistStore newStore() {
    DynamoDbState.createTableIfMissing(MotoServer.dynamoDb(), TABLE);
    return DynamoDbState.create(MotoServer.dynamoDb(), TABLE).blocklist();
  }

  @Test
  void listActive_shouldReadEveryPage_whenPagesHoldTwoItems() {
    CallCounter calls = new CallCounter();
    BlocklistStore paged =
        new DynamoDbBlocklistStore(
            calls.wrap(DynamoDbClient.class, MotoServer.dynamoDb()), TABLE, 2);
    List<String> cidrs = IntStream.rangeClosed(1, 9).mapToObj(i -> "192.0.2." + i + "/32").toList();
    cidrs.forEach(c -> store.upsert(Sighting.of(c, T0).build()));
    DynamoDbState.create(MotoServer.dynamoDb(), TABLE)
        .notifications()
        .claim("finding-a", SeverityLevel.HIGH, T0, T0.plus(Duration.ofDays(1)));

    assertThat(cidrs(paged.listActive(T0))).containsExactlyElementsOf(cidrs);
    assertThat(calls.count("scan")).as("10 items, 2 per page").isGreaterThanOrEqualTo(5);
  }

  @Test
  void deleteExpired_shouldDeleteOnEveryPage_whenPagesHoldTwoItems() {
    BlocklistStore paged = new DynamoDbBlocklistStore(MotoServer.dynamoDb(), TABLE, 2);
    IntStream.rangeClosed(1, 7)
        .forEach(
            i -> store.upsert(Sighting.of("192.0.2." + i, T0).ttl(Duration.ofHours(1)).build()));
    store.upsert(Sighting.of(IP, T0).pinned().build());

    assertThat(paged.deleteExpired(T0.plus(Duration.ofHours(2)))).hasSize(7);
    assertThat(cidrs(store.listActive(T0))).containsExactly(IP);
  }

  @Test
  void listActive_shouldOmitEntry_whenTtlHasPassedButDynamoDbHasNotDeletedIt() {
    Instant past = Instant.parse("2001-02-03T04:05:06.5Z");
    store.upsert(Sighting.of(IP, past).ttl(Duration.ofHours(1)).build());

    assertThat(rawItem(IP)).as("TTL deletion is lazy: the item is still there").isNotEmpty();
    assertThat(store.listActive(Instant.now())).isEmpty();
    assertThat(store.get(Cidr.parse(IP))).isPresent();
    assertThat(store.upsert(Sighting.of(IP, Instant.now()).build()).created()).isTrue();
  }

  @Test
  void upsert_shouldWriteDocumentedAttributes_whenEntryCreated() {
    store.upsert(Sighting.of(IP, T0).findingId("f-1").build());

    Map<String, AttributeValue> item = rawItem(IP);

    assertThat(item.get("pk").s()).isEqualTo("cidr#198.51.100.7/32");
    assertThat(item.get("cidr").s()).isEqualTo(IP);
    assertThat(item.get("expiresAt").n())
        .as("TTL in whole seconds, rounded up")
        .isEqualTo(Long.toString(T0.plus(Duration.ofHours(12)).getEpochSecond() + 1));
    assertThat(item.get("expiresAtExact").n()).isEqualTo("1893499200.123456789");
    assertThat(item.get("firstSeen").n()).isEqualTo("1893456000.123456789");
    assertThat(item.get("hits").n()).isEqualTo("1");
    assertThat(item.get("version").n()).isEqualTo("1");
    assertThat(item.get("highestSeverity").s()).isEqualTo("MEDIUM");
    assertThat(item.get("findingTypes").ss()).containsExactly("Recon:EC2/PortProbeUnprotectedPort");
    assertThat(item.get("findingIds").l()).extracting(AttributeValue::s).containsExactly("f-1");
    assertThat(item.get("accounts").ss()).containsExactly("111122223333");
    assertThat(item.get("regions").ss()).containsExactly("eu-west-1");
    assertThat(item.get("origins").ss()).containsExactly("GUARDDUTY");
    assertThat(item.get("pinned").bool()).isFalse();
  }

  @Test
  void upsert_shouldRemoveExpiryAndTtl_whenEntryPinned() {
    store.upsert(Sighting.of(IP, T0).build());

    store.upsert(Sighting.of(IP, T0.plusSeconds(1)).pinned().build());

    assertThat(rawItem(IP)).doesNotContainKeys("expiresAt", "expiresAtExact");
    assertThat(rawItem(IP).get("version").n()).isEqualTo("2");
  }

  @Test
  void upsert_shouldUseOneConditionalUpdatePerAttemptAndNoRead_whenEntryExists() {
    CallCounter calls = new CallCounter();
    BlocklistStore counted =
        new DynamoDbBlocklistStore(
            calls.wrap(DynamoDbClient.class, MotoServer.dynamoDb()), TABLE, null);

    counted.upsert(Sighting.of(IP, T0).build());
    assertThat(calls.count("updateItem")).isEqualTo(1);

    UpsertResult refreshed = counted.upsert(Sighting.of(IP, T0.plusSeconds(1)).build());

    assertThat(refreshed.entry().hits()).isEqualTo(2);
    assertThat(calls.count("updateItem")).as("a failed create, then the refresh").isEqualTo(3);
    assertThat(calls.count("getItem") + calls.count("putItem")).isZero();
  }

  @Test
  void upsert_shouldCountEveryHit_whenStoresWithTheirOwnClientsRace() throws Exception {
    List<DynamoDbClient> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      clients.add(MotoServer.client(DynamoDbClient.builder()));
    }
    try {
      List<UpsertResult> results =
          Race.run(
              4,
              t -> {
                BlocklistStore own = DynamoDbState.create(clients.get(t), TABLE).blocklist();
                return IntStream.range(0, 25)
                    .mapToObj(i -> own.upsert(Sighting.of(IP, T0.plusSeconds(i)).build()))
                    .toList();
              });

      assertThat(results).filteredOn(UpsertResult::created).hasSize(1);
      assertThat(entry(IP).hits()).isEqualTo(100);
    } finally {
      clients.forEach(DynamoDbClient::close);
    }
  }

  @Test
  void upsert_shouldReReadAndRetry_whenTheFailedConditionReturnsATornItem() {
    store.upsert(Sighting.of(IP, T0).build());
    CallCounter calls = new CallCounter();
    DynamoDbClient tearing =
        tearingFirstConditionFailure(calls.wrap(DynamoDbClient.class, MotoServer.dynamoDb()));

    UpsertResult refreshed =
        new DynamoDbBlocklistStore(tearing, TABLE, null)
            .upsert(Sighting.of(IP, T0.plusSeconds(1)).build());

    assertThat(refreshed.created()).isFalse();
    assertThat(entry(IP).hits()).isEqualTo(2);
    assertThat(calls.count("getItem")).as("one consistent read of the torn item").isEqualTo(1);
  }

  @Test
  void upsert_shouldFailNamingTheItem_whenTheStoredItemStaysUndecodable() {
    store.upsert(Sighting.of(IP, T0).build());
    corruptHits(IP);
    CallCounter calls = new CallCounter();
    BlocklistStore counted =
        new DynamoDbBlocklistStore(
            calls.wrap(DynamoDbClient.class, MotoServer.dynamoDb()), TABLE, null);

    assertThatThrownBy(() -> counted.upsert(Sighting.of(IP, T0.plusSeconds(1)).build()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cidr#" + IP)
        .hasMessageContaining("'hits' is not a number");
    assertThat(calls.count("getItem")).isEqualTo(DynamoDbBlocklistStore.MAX_REREADS);
  }

  /** {@code client}, except that its first failed condition returns a torn copy of the item. */
  private static DynamoDbClient tearingFirstConditionFailure(DynamoDbClient client) {
    java.util.concurrent.atomic.AtomicBoolean torn =
        new java.util.concurrent.atomic.AtomicBoolean();
    return (DynamoDbClient)
        java.lang.reflect.Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class},
            (p, method, args) -> {
              try {
                return method.invoke(client, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause()
                        instanceof
                        software.amazon.awssdk.services.dynamodb.model
                                .ConditionalCheckFailedException
                            failed
                    && failed.hasItem()
                    && !torn.getAndSet(true)) {
                  throw software.amazon.awssdk.services.dynamodb.model
                      .ConditionalCheckFailedException.builder()
                      .message(failed.getMessage())
                      .item(Map.of("pk", failed.item().get("pk")))
                      .build();
                }
                throw e.getCause();
              }
            });
  }

  private static void corruptHits(String cidr) {
    editRaw(
        cidr,
        b ->
            b.updateExpression("SET #h = :h")
                .expressionAttributeNames(Map.of("#h", "hits"))
                .expressionAttributeValues(Map.of(":h", AttributeValue.fromS("many"))));
  }

  /** Changes the stored item behind the store's back, as another program might. */
  private static void editRaw(String cidr, Consumer<UpdateItemRequest.Builder> change) {
    MotoServer.dynamoDb()
        .updateItem(
            b -> {
              b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("cidr#" + cidr)));
              change.accept(b);
            });
  }

  @Test
  void get_shouldFailNamingItemAndAttribute_whenItemIsCorrupt() {
    store.upsert(Sighting.of(IP, T0).build());
    corruptHits(IP);

    assertThatThrownBy(() -> store.get(Cidr.parse(IP)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cidr#" + IP)
        .hasMessageContaining("'hits' is not a number");
    assertThatThrownBy(() -> store.listActive(T0)).isInstanceOf(StoreException.class);
  }

  @Test
  void methods_shouldFailNamingTable_whenTableMissing() {
    BlocklistStore missing =
        DynamoDbState.create(MotoServer.dynamoDb(), "no-such-table").blocklist();

    assertThatThrownBy(() -> missing.upsert(Sighting.of(IP, T0).build()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no-such-table");
    assertThatThrownBy(() -> missing.listActive(T0))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no-such-table");
  }

  @Test
  void upsert_shouldWriteSightingKeys_whenRequestHasOne() {
    store.upsert(Sighting.of(IP, T0).sightingKey("f-1@2030-01-01T00:00:00Z").build());

    assertThat(rawItem(IP).get("sightingKeys").l())
        .extracting(AttributeValue::s)
        .containsExactly("f-1@2030-01-01T00:00:00Z");
  }

  @Test
  void upsert_shouldReadOldItemAndCountSightingOnce_whenItemHasNoSightingKeys() {
    store.upsert(Sighting.of(IP, T0).build());
    // as guardwall wrote items before it remembered sightings
    editRaw(IP, b -> b.updateExpression("REMOVE sightingKeys"));
    assertThat(rawItem(IP)).doesNotContainKey("sightingKeys");

    assertThat(store.get(Cidr.parse(IP)).orElseThrow().sightingKeys()).isEmpty();
    store.upsert(Sighting.of(IP, T0.plusSeconds(1)).sightingKey("f@1").build());
    store.upsert(Sighting.of(IP, T0.plusSeconds(2)).sightingKey("f@1").build());

    assertThat(store.get(Cidr.parse(IP)).orElseThrow().hits()).isEqualTo(2);
    assertThat(rawItem(IP).get("sightingKeys").l())
        .extracting(AttributeValue::s)
        .containsExactly("f@1");
  }

  @Test
  void upsert_shouldCountOnce_whenStoresWithTheirOwnClientsRaceOneSighting() throws Exception {
    List<BlocklistStore> stores = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      stores.add(
          new DynamoDbBlocklistStore(MotoServer.client(DynamoDbClient.builder()), TABLE, null));
    }

    List<UpsertResult> results =
        Race.run(
            stores.size(),
            t -> List.of(stores.get(t).upsert(Sighting.of(IP, T0).sightingKey("f@copy").build())));

    assertThat(results.stream().filter(UpsertResult::created)).hasSize(1);
    assertThat(store.get(Cidr.parse(IP)).orElseThrow().hits()).isEqualTo(1);
  }

  private static Map<String, AttributeValue> rawItem(String cidr) {
    return MotoServer.dynamoDb()
        .getItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("cidr#" + cidr))))
        .item();
  }
}
