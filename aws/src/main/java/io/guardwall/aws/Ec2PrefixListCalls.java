package io.guardwall.aws;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.FirewallRetryableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AddPrefixListEntry;
import software.amazon.awssdk.services.ec2.model.GetManagedPrefixListEntriesResponse;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.ModifyManagedPrefixListRequest;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.RemovePrefixListEntry;

/**
 * The EC2 calls behind {@link Ec2PrefixListTarget}, each sent once (no SDK retry) and its failure
 * sorted into the port's exceptions; thread-safe (the SDK client is).
 */
final class Ec2PrefixListCalls {

  /** The most entries one GetManagedPrefixListEntries page may hold (documented: 5 to 100). */
  private static final int PAGE = 100;

  // A stale CurrentVersion, or a list another writer is still modifying: re-read and retry.
  private static final Set<String> CONFLICTS =
      Set.of("PrefixListVersionMismatch", "IncorrectState");

  private final Ec2Client client;
  private final PrefixListSettings settings;

  Ec2PrefixListCalls(Ec2Client client, PrefixListSettings settings) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** The lists {@code ids} name, in that order, with their entries. */
  List<PrefixList> read(List<String> ids) {
    Map<String, ManagedPrefixList> described = describe(ids);
    List<PrefixList> lists = new ArrayList<>();
    for (String id : ids) {
      lists.add(withEntries(usable(id, described.get(id))));
    }
    return lists;
  }

  /**
   * Sends one modify of {@code id} based on {@code version} and waits until it has taken effect.
   *
   * @return the list's version after the change
   */
  long modify(String id, long version, List<String> removals, List<Cidr> additions) {
    ModifyManagedPrefixListRequest.Builder request =
        ModifyManagedPrefixListRequest.builder()
            .prefixListId(id)
            .currentVersion(version)
            .removeEntries(removals.stream().map(this::removal).toList())
            .addEntries(additions.stream().map(this::addition).toList());
    return send(id, request);
  }

  /** Sets {@code id}'s MaxEntries (EC2 refuses a resize together with entry changes). */
  long resize(String id, long version, int maxEntries) {
    return send(
        id,
        ModifyManagedPrefixListRequest.builder()
            .prefixListId(id)
            .currentVersion(version)
            .maxEntries(maxEntries));
  }

  private long send(String id, ModifyManagedPrefixListRequest.Builder request) {
    ManagedPrefixList sent =
        call(
            "ModifyManagedPrefixList",
            id,
            () ->
                client
                    .modifyManagedPrefixList(request.overrideConfiguration(SdkRetries.NONE).build())
                    .prefixList());
    ManagedPrefixList settled = awaitSettled(id);
    Long version = sent == null ? null : sent.version();
    return version != null ? version : versionOf(settled);
  }

  private ManagedPrefixList awaitSettled(String id) {
    for (int look = 0; ; look++) {
      ManagedPrefixList list = usable(id, describe(List.of(id)).get(id));
      String state = list.stateAsString();
      if (state.endsWith("-failed")) {
        throw new FirewallException(
            "prefix list " + id + " is " + state + ": " + list.stateMessage(), null);
      }
      if (!state.endsWith("-in-progress")) {
        return list;
      }
      if (look == settings.maxPolls()) {
        throw new FirewallRetryableException(
            "prefix list " + id + " is still being modified after " + settings.maxWait(), null);
      }
      pause(id, settings.pollInterval());
    }
  }

  private Map<String, ManagedPrefixList> describe(List<String> ids) {
    Map<String, ManagedPrefixList> byId = new HashMap<>();
    call(
            "DescribeManagedPrefixLists",
            String.join(",", ids),
            () ->
                client
                    .describeManagedPrefixLists(
                        r -> r.prefixListIds(ids).overrideConfiguration(SdkRetries.NONE))
                    .prefixLists())
        .forEach(l -> byId.put(l.prefixListId(), l));
    return byId;
  }

  private PrefixList withEntries(ManagedPrefixList list) {
    Map<Cidr, String> ours = new HashMap<>();
    int foreign = 0;
    for (PrefixListEntry entry : entries(list.prefixListId())) {
      Cidr cidr = ownCidr(entry);
      if (cidr == null) {
        foreign++;
      } else {
        ours.put(cidr, entry.cidr());
      }
    }
    return new PrefixList(
        list.prefixListId(),
        "IPv4".equals(list.addressFamily()),
        versionOf(list),
        list.maxEntries() == null ? 0 : list.maxEntries(),
        ours,
        foreign);
  }

  private List<PrefixListEntry> entries(String id) {
    List<PrefixListEntry> entries = new ArrayList<>();
    String token = null;
    do {
      GetManagedPrefixListEntriesResponse page = entriesPage(id, token);
      entries.addAll(page.entries());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return entries;
  }

  private GetManagedPrefixListEntriesResponse entriesPage(String id, @Nullable String token) {
    return call(
        "GetManagedPrefixListEntries",
        id,
        () ->
            client.getManagedPrefixListEntries(
                r ->
                    r.prefixListId(id)
                        .maxResults(PAGE)
                        .nextToken(token)
                        .overrideConfiguration(SdkRetries.NONE)));
  }

  private @Nullable Cidr ownCidr(PrefixListEntry entry) {
    if (!settings.description().equals(entry.description()) || entry.cidr() == null) {
      return null;
    }
    try {
      return Cidr.parse(entry.cidr());
    } catch (IllegalArgumentException e) {
      return null; // not a form guardwall writes: someone else's, whatever its description
    }
  }

  private AddPrefixListEntry addition(Cidr cidr) {
    return AddPrefixListEntry.builder()
        .cidr(cidr.value())
        .description(settings.description())
        .build();
  }

  private RemovePrefixListEntry removal(String cidr) {
    return RemovePrefixListEntry.builder().cidr(cidr).build();
  }

  private static ManagedPrefixList usable(String id, @Nullable ManagedPrefixList list) {
    if (list == null) {
      throw new FirewallException("prefix list " + id + " was not found", null);
    }
    String state = list.stateAsString();
    if (state == null || state.startsWith("delete-") || state.equals("create-failed")) {
      throw new FirewallException(
          "prefix list " + id + " cannot be written: it is " + state + ": " + list.stateMessage(),
          null);
    }
    return list;
  }

  private static long versionOf(ManagedPrefixList list) {
    if (list.version() == null) {
      throw new FirewallException(
          "prefix list " + list.prefixListId() + " was described without a version", null);
    }
    return list.version();
  }

  private void pause(String id, Duration duration) {
    try {
      settings.pause().pause(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FirewallRetryableException(
          "interrupted while waiting for prefix list " + id + " to be modified", e);
    }
  }

  private static <T> T call(String operation, String ids, Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      throw FirewallErrors.translate(operation + " on prefix list " + ids, "EC2", e, conflict(e));
    }
  }

  private static @Nullable String conflict(SdkException e) {
    if (e instanceof AwsServiceException s
        && s.awsErrorDetails() != null
        && CONFLICTS.contains(s.awsErrorDetails().errorCode())) {
      return "the list changed since it was read or is being modified ("
          + FirewallErrors.detail(s)
          + ")";
    }
    return null;
  }
}
