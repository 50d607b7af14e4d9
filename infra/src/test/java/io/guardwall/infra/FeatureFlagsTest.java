package io.guardwall.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/**
 * cdk.json sets the feature flags {@code cdk init} writes for the aws-cdk-lib on the classpath, as
 * its jsii bundle lists them ({@code recommended-feature-flags.json}): after an upgrade, this test
 * names the flags to add.
 */
class FeatureFlagsTest {

  private static final String FLAGS_FILE = "package/recommended-feature-flags.json";

  @Test
  void cdkJson_shouldSetEveryRecommendedFeatureFlag_toItsRecommendedValue() throws IOException {
    assertThat(Synthesized.featureFlags()).isEqualTo(recommended());
  }

  private static Map<String, Object> recommended() throws IOException {
    String version = App.class.getPackage().getImplementationVersion();
    String bundle = "/software/amazon/awscdk/aws-cdk-lib@" + version + ".jsii.tgz";
    try (InputStream tgz = App.class.getResourceAsStream(bundle)) {
      assertThat(tgz).as("%s on the classpath", bundle).isNotNull();
      return new ObjectMapper()
          .readValue(tarEntry(new GZIPInputStream(tgz), FLAGS_FILE), new TypeReference<>() {});
    }
  }

  /** The bytes of the tar entry called {@code name} (plain ustar names suffice here). */
  private static byte[] tarEntry(InputStream tar, String name) throws IOException {
    DataInputStream in = new DataInputStream(tar);
    byte[] header = new byte[512];
    while (true) {
      in.readFully(header);
      String entry = field(header, 0, 100);
      if (entry.isEmpty()) {
        throw new EOFException(name + " not in the bundle");
      }
      long size = Long.parseLong(field(header, 124, 12).trim(), 8);
      if (entry.equals(name)) {
        return in.readNBytes((int) size);
      }
      in.skipNBytes((size + 511) / 512 * 512);
    }
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
