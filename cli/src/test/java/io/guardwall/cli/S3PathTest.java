package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3PathTest {

  @Test
  void parse_shouldSplitBucketAndPrefix_whenPathHasBoth() {
    assertThat(S3Path.parse("s3://b/gd/2026/")).isEqualTo(new S3Path("b", "gd/2026/"));
  }

  @Test
  void parse_shouldGiveEmptyPrefix_whenPathIsBucketOnly() {
    assertThat(S3Path.parse("s3://b")).isEqualTo(new S3Path("b", ""));
  }

  @Test
  void parse_shouldThrowUsage_whenBucketIsEmpty() {
    assertThatThrownBy(() -> S3Path.parse("s3:///key"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("no bucket in S3 path: s3:///key");
  }

  @Test
  void isS3_shouldBeFalse_whenPathIsLocal() {
    assertThat(S3Path.isS3("samples/s3:/x")).isFalse();
    assertThat(S3Path.isS3("S3://b")).isTrue();
  }
}
