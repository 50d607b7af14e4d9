package io.guardwall.aws;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Lists and reads the objects of an S3 bucket, for event files stored there (GuardDuty's S3
 * export). Thread-safe.
 */
public final class S3Objects {

  private final S3Client client;

  S3Objects(S3Client client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Objects through a default client (region, credentials and endpoint from the environment,
   * including {@code AWS_ENDPOINT_URL_S3}), addressed path-style so S3-compatible stores work.
   */
  public static S3Objects create() {
    return new S3Objects(AwsClients.build(S3Client.builder().forcePathStyle(true)));
  }

  /**
   * One object as a listing names it: its key and its stored size in bytes (the compressed size of
   * a gzipped object); immutable.
   */
  public record Listed(String key, long size) {
    public Listed {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * The objects under {@code prefix} in {@code bucket}, every page of the listing, in the key order
   * S3 lists them in.
   *
   * @throws IOException saying the bucket does not exist, or why the listing failed
   */
  public List<Listed> list(String bucket, String prefix) throws IOException {
    try {
      return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
          .map(o -> new Listed(o.key(), o.size() == null ? 0 : o.size()))
          .toList();
    } catch (NoSuchBucketException e) {
      throw new IOException("no such bucket: " + bucket, e);
    } catch (SdkException e) {
      throw new IOException("cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage(), e);
    }
  }

  /**
   * The stored bytes of one object, streamed; the caller closes the stream.
   *
   * @throws IOException saying why the object cannot be read
   */
  public InputStream open(String bucket, String key) throws IOException {
    try {
      return client.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toInputStream());
    } catch (SdkException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
