package io.guardwall.cli;

import io.guardwall.aws.S3Objects;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A PATH argument of the form {@code s3://bucket/prefix}: a bucket and a key prefix. */
record S3Path(String bucket, String prefix) {

  static final String SCHEME = "s3://";

  /**
   * The bucket and prefix {@code path} names.
   *
   * @throws UsageException when it names no bucket
   */
  static S3Path parse(String path) {
    String rest = path.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    if (bucket.isEmpty()) {
      throw new UsageException("no bucket in S3 path: " + path);
    }
    return new S3Path(bucket, slash < 0 ? "" : rest.substring(slash + 1));
  }

  static boolean isS3(String path) {
    return path.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
  }

  /**
   * One source per object under the prefix that {@code selected} accepts, in key order; an empty
   * prefix is reported to {@code warnings}.
   *
   * @throws UsageException when the objects cannot be listed (no such bucket, say)
   */
  List<EventSource> sources(
      S3Objects objects, Predicate<String> selected, Consumer<String> warnings) {
    List<S3Objects.Listed> listed = list(objects);
    if (listed.isEmpty()) {
      warnings.accept("no objects under " + this);
    }
    return listed.stream()
        .filter(o -> selected.test(o.key()))
        .<EventSource>map(o -> new S3EventObject(objects, bucket, o.key(), o.size()))
        .toList();
  }

  private List<S3Objects.Listed> list(S3Objects objects) {
    try {
      return objects.list(bucket, prefix);
    } catch (IOException e) {
      throw new UsageException(e.getMessage() + " (" + this + ")");
    }
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + prefix;
  }
}
