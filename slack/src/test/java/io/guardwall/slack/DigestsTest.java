package io.guardwall.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.slack.SlackMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DigestsTest {

  @Test
  void merge_shouldCombineBlockedDigests_whenTheyFit() {
    SlackMessage a = Messages.blocked("198.51.100.7");
    SlackMessage b = Messages.blocked("2001:db8::1");

    List<Outgoing> out = Digests.merge(List.of(Outgoing.of(a), Outgoing.of(b)));

    assertThat(out)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.originals()).containsExactly(a, b);
              assertThat(o.message().kind()).isEqualTo(SlackMessage.Kind.BLOCKED);
              assertThat(o.message().findingId()).isNull();
              ObjectNode payload = o.message().payload();
              assertThat(payload.get("text").asText())
                  .isEqualTo("guardwall blocked 198.51.100.7\nguardwall blocked 2001:db8::1");
              assertThat(types(payload))
                  .containsExactly("section", "context", "divider", "section", "context");
              assertThat(payload.toString()).contains("198.51.100.7", "2001:db8::1");
            });
  }

  @Test
  void merge_shouldNotTouchTheQueuedPayloads() {
    SlackMessage a = Messages.blocked("198.51.100.7");
    SlackMessage b = Messages.blocked("198.51.100.8");
    String before = a.payload().toString() + b.payload();

    Digests.merge(List.of(Outgoing.of(a), Outgoing.of(b)));

    assertThat(a.payload().toString() + b.payload()).isEqualTo(before);
  }

  @Test
  void merge_shouldSendFindingsOneByOne() {
    List<Outgoing> queue =
        List.of(Outgoing.of(Messages.finding("f-1")), Outgoing.of(Messages.finding("f-2")));

    assertThat(Digests.merge(queue)).isEqualTo(queue);
  }

  @Test
  void merge_shouldKeepFindingsInOrder_whenDigestsAreBetweenThem() {
    SlackMessage d1 = Messages.blocked("198.51.100.1");
    SlackMessage f = Messages.finding("f-1");
    SlackMessage d2 = Messages.blocked("198.51.100.2");

    List<Outgoing> out = Digests.merge(List.of(Outgoing.of(d1), Outgoing.of(f), Outgoing.of(d2)));

    assertThat(out).extracting(Outgoing::originals).containsExactly(List.of(d1, d2), List.of(f));
  }

  @Test
  void merge_shouldStayWithin50Blocks_whenManyDigestsQueue() {
    List<Outgoing> queue =
        IntStream.range(0, 30).mapToObj(i -> Outgoing.of(Messages.blocked(2, 10))).toList();

    List<Outgoing> out = Digests.merge(queue);

    // 17 digests of 2 blocks and 16 dividers make exactly 50 blocks
    assertThat(out).extracting(o -> o.originals().size()).containsExactly(17, 13);
    assertThat(out)
        .allSatisfy(
            o -> assertThat(o.message().payload().get("blocks").size()).isLessThanOrEqualTo(50));
  }

  @Test
  void merge_shouldStayWithin4000Characters_whenTextsAreLong() {
    List<Outgoing> queue =
        IntStream.range(0, 3).mapToObj(i -> Outgoing.of(Messages.blocked(1, 1500))).toList();

    List<Outgoing> out = Digests.merge(queue);

    assertThat(out).extracting(o -> o.originals().size()).containsExactly(2, 1);
    assertThat(out.get(0).message().payload().get("text").asText()).hasSize(3001);
  }

  @Test
  void merge_shouldPassAnOversizedDigestAlone_whenItExceedsTheLimitsByItself() {
    SlackMessage huge = Messages.blocked(60, 5000);
    SlackMessage small = Messages.blocked("198.51.100.1");

    List<Outgoing> out =
        Digests.merge(List.of(Outgoing.of(small), Outgoing.of(huge), Outgoing.of(small)));

    assertThat(out).extracting(o -> o.originals().size()).containsExactly(1, 1, 1);
    assertThat(out.get(1).message()).isSameAs(huge);
  }

  @Test
  void merge_shouldNotCombine_whenOtherFieldsDiffer() {
    SlackMessage plain = Messages.blocked("198.51.100.1");
    ObjectNode payload = Messages.blocked("198.51.100.2").payload().deepCopy();
    payload.put("username", "guardwall-eu");
    SlackMessage named = Messages.blocked(payload);

    assertThat(Digests.merge(List.of(Outgoing.of(plain), Outgoing.of(named)))).hasSize(2);
  }

  @Test
  void merge_shouldKeepSharedFields_whenTheyAreEqual() {
    ObjectNode p1 =
        Messages.blocked("198.51.100.1").payload().deepCopy().put("unfurl_links", false);
    ObjectNode p2 =
        Messages.blocked("198.51.100.2").payload().deepCopy().put("unfurl_links", false);

    List<Outgoing> out =
        Digests.merge(
            List.of(Outgoing.of(Messages.blocked(p1)), Outgoing.of(Messages.blocked(p2))));

    assertThat(out)
        .singleElement()
        .satisfies(
            o -> assertThat(o.message().payload().get("unfurl_links").asBoolean()).isFalse());
  }

  @Test
  void merge_shouldPassMalformedDigestsAsTheyAre_whenBlocksIsNotAnArray() {
    ObjectNode bad =
        JsonNodeFactory.instance.objectNode().put("text", "x").put("blocks", "not an array");
    ObjectNode badText = JsonNodeFactory.instance.objectNode();
    badText.putObject("text");
    SlackMessage good = Messages.blocked("198.51.100.1");

    List<Outgoing> out =
        Digests.merge(
            List.of(
                Outgoing.of(good),
                Outgoing.of(Messages.blocked(bad)),
                Outgoing.of(Messages.blocked(badText))));

    assertThat(out).hasSize(3);
  }

  @Test
  void merge_shouldJoinTexts_whenDigestsHaveNoBlocks() {
    ObjectNode p1 = JsonNodeFactory.instance.objectNode().put("text", "blocked 198.51.100.1");
    ObjectNode p2 = JsonNodeFactory.instance.objectNode().put("text", "blocked 198.51.100.2");

    List<Outgoing> out =
        Digests.merge(
            List.of(Outgoing.of(Messages.blocked(p1)), Outgoing.of(Messages.blocked(p2))));

    assertThat(out)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.message().payload().get("text").asText())
                  .isEqualTo("blocked 198.51.100.1\nblocked 198.51.100.2");
              assertThat(o.message().payload().has("blocks")).isFalse();
            });
  }

  @Test
  void merge_shouldReturnNothing_whenNothingIsQueued() {
    assertThat(Digests.merge(List.of())).isEmpty();
  }

  private static List<String> types(ObjectNode payload) {
    List<String> types = new ArrayList<>();
    payload.get("blocks").forEach(block -> types.add(block.get("type").asText()));
    return types;
  }
}
