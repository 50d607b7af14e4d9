package io.guardwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.guardwall.aws.MotoServer;
import io.guardwall.aws.SdkEndpoints;
import io.guardwall.core.json.Jackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code replay} and {@code process} reading {@code s3://bucket/prefix} paths from moto's S3. */
@ExtendWith(MotoServer.class)
class S3InputsIT {

  private static final Path SAMPLE = Path.of("../samples/events/01-guardduty-ssh-bruteforce.json");

  private SdkEndpoints endpoints;
  private S3Client s3;

  @BeforeEach
  void start() {
    endpoints = SdkEndpoints.use(MotoServer.endpoint(), MotoServer.endpoint());
    s3 = MotoServer.client(S3Client.builder().forcePathStyle(true));
    s3.createBucket(b -> b.bucket("findings"));
  }

  @AfterEach
  void stop() {
    s3.close();
    endpoints.close();
  }

  private void put(String key, byte[] bytes) {
    s3.putObject(b -> b.bucket("findings").key(key), RequestBody.fromBytes(bytes));
  }

  /** Two bare findings, one a line, as GuardDuty's S3 export writes them. */
  private static byte[] exportObject() throws Exception {
    String finding = Jackson.reader().readTree(Files.readString(SAMPLE)).get("detail").toString();
    return GzipEventFilesTest.gzip(finding + "\n" + finding + "\n");
  }

  @Test
  void replay_shouldReadEveryObjectInKeyOrder_whenPrefixHoldsJsonAndGzippedExport()
      throws Exception {
    put("gd/b/export.jsonl.gz", exportObject());
    put("gd/a.json", Files.readAllBytes(SAMPLE));
    put("gd/README.md", new byte[0]);
    put("gd/notes.txt", new byte[0]);
    put("other/c.json", Files.readAllBytes(SAMPLE));

    CliRunner r = CliRunner.run("replay", "--format", "json", "s3://findings/gd/");

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> files = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (JsonNode e : r.json().get("events")) {
      files.add(e.get("file").asText());
      errors.add(e.get("error").asText());
    }
    assertThat(files)
        .containsExactly(
            "s3://findings/gd/a.json",
            "s3://findings/gd/b/export.jsonl.gz",
            "s3://findings/gd/b/export.jsonl.gz");
    assertThat(errors).as(r.out()).allMatch(e -> e.equals("null"));
    assertThat(r.json().get("blocklist").size()).isPositive();
    assertThat(r.err()).contains("skipped s3://findings/gd/notes.txt").doesNotContain("README");
  }

  @Test
  void replay_shouldWarnAndGoOn_whenPrefixIsEmpty() throws Exception {
    CliRunner r = CliRunner.run("replay", "s3://findings/none/", SAMPLE.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("no objects under s3://findings/none/");
    assertThat(r.out()).contains("block ");
  }

  @Test
  void process_shouldExitTwoNamingTheBucket_whenBucketIsMissing() {
    CliRunner r = CliRunner.run("process", "s3://no-such-bucket/gd/");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no such bucket: no-such-bucket");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void replay_shouldExitTwo_whenPathNamesNoBucket() {
    CliRunner r = CliRunner.run("replay", "s3://");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no bucket in S3 path: s3://");
  }
}
