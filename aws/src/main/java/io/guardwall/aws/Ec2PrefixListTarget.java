package io.guardwall.aws;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallRetryableException;
import io.guardwall.core.port.TargetKind;
import io.guardwall.core.port.TargetSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * VPC managed prefix lists behind the {@link EnforcementPoint} port: guardwall's entries carry the
 * settings' description, everything else is left as it is and takes room. A write is incremental:
 * ModifyManagedPrefixList calls of at most 100 additions and 100 removals, each based on the list's
 * current version and each waited out until the list leaves {@code modify-in-progress}; MaxEntries
 * grows, in a call of its own, up to the settings' ceiling. Thread-safe (stateless but for the SDK
 * client).
 */
final class Ec2PrefixListTarget implements EnforcementPoint {

  /** The documented most AddEntry (and, apart, RemoveEntry) items of one modify. */
  static final int ENTRIES_PER_CALL = 100;

  private final String name;
  private final PrefixListIds ids;
  private final PrefixListSettings settings;
  private final Ec2PrefixListCalls calls;

  private Ec2PrefixListTarget(
      String name, PrefixListIds ids, Ec2Client client, PrefixListSettings settings) {
    this.name = name;
    this.ids = ids;
    this.settings = settings;
    this.calls = new Ec2PrefixListCalls(client, settings);
  }

  /**
   * The target a SPEC names: one or more prefix-list ids or ARNs joined with {@code ,}.
   *
   * @throws IllegalArgumentException naming the part that is no prefix list
   */
  static Ec2PrefixListTarget open(Ec2Client client, String spec, PrefixListSettings settings) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(settings, "settings");
    return new Ec2PrefixListTarget(spec, PrefixListIds.parse(spec), client, settings);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public TargetKind kind() {
    return TargetKind.PREFIX_LIST;
  }

  @Override
  public TargetSnapshot read() {
    return snapshot(calls.read(ids.ids()));
  }

  @Override
  public void apply(TargetSnapshot base, List<Cidr> blocked) {
    base.requireFits(blocked);
    List<PrefixList> lists = calls.read(ids.ids());
    if (!version(lists).equals(base.version())) {
      throw new FirewallConflictException(
          "prefix lists " + name + " changed since they were read: " + version(lists), null);
    }
    List<PrefixListChange> changes =
        plan(lists, blocked).stream().filter(c -> !c.isEmpty()).toList();
    if (changes.size() == 1) {
      write(changes.get(0));
    } else if (!changes.isEmpty()) {
      writeAll(changes);
    }
  }

  // Lists change independently and each change waits seconds in modify-in-progress: writing them
  // side by side divides a large convergence by the number of lists.
  private void writeAll(List<PrefixListChange> changes) {
    ExecutorService pool =
        Executors.newFixedThreadPool(changes.size(), Ec2PrefixListTarget::daemon);
    try {
      List<Future<?>> writes = new ArrayList<>();
      changes.forEach(c -> writes.add(pool.submit(() -> write(c))));
      RuntimeException failure = null;
      for (Future<?> w : writes) {
        failure = outcome(w, failure);
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code failure}, or the first failure, the write's failure suppressed in it or becoming it. */
  private static @Nullable RuntimeException outcome(
      Future<?> write, @Nullable RuntimeException failure) {
    try {
      write.get();
      return failure;
    } catch (ExecutionException e) {
      RuntimeException cause =
          e.getCause() instanceof RuntimeException r
              ? r
              : new FirewallException("a prefix list write failed: " + e.getCause(), e.getCause());
      if (failure == null) {
        return cause;
      }
      failure.addSuppressed(cause);
      return failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FirewallRetryableException("interrupted while writing the prefix lists", e);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "prefix-list-write");
    t.setDaemon(true);
    return t;
  }

  private List<PrefixListChange> plan(List<PrefixList> lists, List<Cidr> blocked) {
    try {
      return PrefixListChange.plan(lists, blocked, settings.ceiling());
    } catch (IllegalArgumentException e) {
      throw new FirewallException("prefix lists " + name + ": " + e.getMessage(), e);
    }
  }

  private void write(PrefixListChange change) {
    PrefixList list = change.list();
    long version = list.version();
    int maxEntries = list.maxEntries();
    if (change.finalSize() > maxEntries) {
      maxEntries = grown(change.finalSize(), list);
      version = calls.resize(list.id(), version, maxEntries);
    }
    Deque<String> removals = new ArrayDeque<>(change.removals());
    Deque<Cidr> additions = new ArrayDeque<>(change.additions());
    int size = list.foreign() + list.ours().size();
    while (!removals.isEmpty() || !additions.isEmpty()) {
      List<String> removed = take(removals, ENTRIES_PER_CALL);
      List<Cidr> added =
          take(additions, Math.min(ENTRIES_PER_CALL, maxEntries - size + removed.size()));
      version = calls.modify(list.id(), version, removed, added);
      size += added.size() - removed.size();
    }
  }

  // Rounded up to a whole call's additions, so that a burst does not resize at every apply, and
  // never past the ceiling: a referencing rule group reserves capacity for all of MaxEntries.
  private int grown(int needed, PrefixList list) {
    int step = ENTRIES_PER_CALL;
    int rounded = (needed + step - 1) / step * step;
    return Math.max(needed, Math.min(rounded, Math.max(settings.ceiling(), list.maxEntries())));
  }

  private TargetSnapshot snapshot(List<PrefixList> lists) {
    Set<Cidr> blocked = new HashSet<>();
    long ipv4 = 0;
    long ipv6 = 0;
    for (PrefixList list : lists) {
      blocked.addAll(list.ours().keySet());
      if (list.ipv4()) {
        ipv4 += list.room(settings.ceiling());
      } else {
        ipv6 += list.room(settings.ceiling());
      }
    }
    return new TargetSnapshot(blocked, CidrBudget.perFamily(ipv4, ipv6), version(lists));
  }

  private static String version(List<PrefixList> lists) {
    return lists.stream().map(PrefixList::versionTag).collect(Collectors.joining(","));
  }

  private static <T> List<T> take(Deque<T> from, int count) {
    List<T> taken = new ArrayList<>();
    while (taken.size() < count && !from.isEmpty()) {
      taken.add(from.poll());
    }
    return taken;
  }
}
