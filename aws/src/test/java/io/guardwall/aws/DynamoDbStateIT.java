package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.Sighting;
import io.guardwall.core.port.StoreException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

@ExtendWith(MotoServer.class)
class DynamoDbStateIT {
  private static final String TABLE = "guardwall-state";
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private final DynamoDbClient client = MotoServer.dynamoDb();

  @Test
  void createTableIfMissing_shouldCreateDocumentedTable_whenMissing() {
    DynamoDbState.createTableIfMissing(client, TABLE);

    TableDescription t = client.describeTable(b -> b.tableName(TABLE)).table();
    assertThat(t.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(t.keySchema())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.attributeName()).isEqualTo(DynamoDbSchema.PARTITION_KEY);
              assertThat(k.keyType()).isEqualTo(KeyType.HASH);
            });
    assertThat(t.attributeDefinitions())
        .filteredOn(d -> d.attributeName().equals(DynamoDbSchema.PARTITION_KEY))
        .singleElement()
        .extracting(d -> d.attributeType())
        .isEqualTo(ScalarAttributeType.S);
    assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(ttl().attributeName()).isEqualTo(DynamoDbSchema.TTL_ATTRIBUTE);
    assertThat(ttl().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
  }

  @Test
  void createIfMissing_shouldCreateBothTables_andKeepNotificationsOutOfTheBlocklist() {
    DynamoDbState state = DynamoDbState.create(client, TABLE, "guardwall-notifications");
    state.createIfMissing();

    state.blocklist().upsert(Sighting.of("192.0.2.1", T0).build());
    state
        .notifications()
        .claim("finding-1", io.guardwall.core.model.SeverityLevel.HIGH, T0, T0.plusSeconds(60));

    assertThat(client.scan(b -> b.tableName(TABLE)).items())
        .singleElement()
        .satisfies(i -> assertThat(i.get("pk").s()).isEqualTo("cidr#192.0.2.1/32"));
    assertThat(client.scan(b -> b.tableName("guardwall-notifications")).items())
        .singleElement()
        .satisfies(i -> assertThat(i.get("pk").s()).isEqualTo("finding#finding-1"));
  }

  @Test
  void createTableIfMissing_shouldKeepTableAndData_whenCalledAgain() {
    DynamoDbState.createTableIfMissing(client, TABLE);
    DynamoDbState state = DynamoDbState.create(client, TABLE);
    state.blocklist().upsert(Sighting.of("192.0.2.1", T0).build());

    DynamoDbState.createTableIfMissing(client, TABLE);

    assertThat(state.blocklist().get(Cidr.parse("192.0.2.1"))).isPresent();
    assertThat(ttl().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
  }

  @Test
  void createTableIfMissing_shouldEnableTtl_whenTableExistsWithoutIt() {
    client.createTable(
        b ->
            b.tableName(TABLE)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .billingMode(BillingMode.PAY_PER_REQUEST));

    DynamoDbState.createTableIfMissing(client, TABLE);

    assertThat(ttl().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(ttl().attributeName()).isEqualTo("expiresAt");
  }

  @Test
  void createTableIfMissing_shouldFailNamingKey_whenTableHasAnotherKeySchema() {
    client.createTable(
        b ->
            b.tableName(TABLE)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .billingMode(BillingMode.PAY_PER_REQUEST));

    assertThatThrownBy(() -> DynamoDbState.createTableIfMissing(client, TABLE))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(TABLE)
        .hasMessageContaining("'pk'");
  }

  @Test
  void createTableIfMissing_shouldFailNamingAttribute_whenTtlIsOnAnotherAttribute() {
    client.createTable(
        b ->
            b.tableName(TABLE)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    client.updateTimeToLive(
        b -> b.tableName(TABLE).timeToLiveSpecification(s -> s.attributeName("ttl").enabled(true)));

    assertThatThrownBy(() -> DynamoDbState.createTableIfMissing(client, TABLE))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("'ttl'")
        .hasMessageContaining("'expiresAt'");
  }

  @Test
  void create_shouldRejectBlankTableName() {
    assertThatThrownBy(() -> DynamoDbState.create(client, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> DynamoDbState.create(client, null))
        .isInstanceOf(NullPointerException.class);
  }

  private TimeToLiveDescription ttl() {
    return client.describeTimeToLive(b -> b.tableName(TABLE)).timeToLiveDescription();
  }
}
