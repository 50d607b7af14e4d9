package io.guardwall.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DynamoDbNotificationLogTest {

  @Test
  void key_shouldKeepId_whenItFitsTheKeyLimit() {
    String id = "arn:aws:guardduty:us-east-1:111122223333:detector/d/finding/f 'ü\"";

    assertThat(DynamoDbNotificationLog.key(id)).isEqualTo("finding#" + id);
    assertThat(DynamoDbNotificationLog.key("")).isEqualTo("finding#");
    assertThat(DynamoDbNotificationLog.key("x".repeat(1_000)))
        .isEqualTo("finding#" + "x".repeat(1_000));
  }

  @Test
  void key_shouldHashId_whenItsUtf8FormExceedsTheLimit() {
    String multibyte = "é".repeat(501); // 1,002 bytes in 501 characters

    String key = DynamoDbNotificationLog.key(multibyte);

    assertThat(key).startsWith("finding-sha256#").hasSize("finding-sha256#".length() + 64);
    assertThat(DynamoDbNotificationLog.key("x".repeat(1_001))).startsWith("finding-sha256#");
    assertThat(DynamoDbNotificationLog.key("x".repeat(100_000)))
        .isNotEqualTo(DynamoDbNotificationLog.key("x".repeat(100_001)));
    assertThat(key.getBytes(StandardCharsets.UTF_8).length).isLessThan(2_048);
  }
}
