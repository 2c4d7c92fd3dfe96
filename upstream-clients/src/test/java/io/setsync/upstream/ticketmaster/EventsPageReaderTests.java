package io.setsync.upstream.ticketmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class EventsPageReaderTests {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private final EventsPageReader reader =
      new EventsPageReader(MAPPER, new TicketmasterJson(MAPPER));

  @Test
  void keepsEachEventsJsonTextAsSentAndReadsThePage() {
    String first =
        """
        {"id":"G5v1","name":"Björk – Cornucopia","dates":{"start":{"localDate":"2027-03-01"}},\
        "_embedded":{"venues":[{"id":"KovZ1","name":"Hallé","city":{"name":"Zürich"}}]}}""";
    String second = "{ \"id\" : \"G5v2\", \"name\" : \"Two\", \"images\" : [ ] }";
    String body =
        """
        {"_links":{"self":{"href":"/discovery/v2/events.json?page=0"}},\
        "_embedded":{"other":[{"id":"x"}],"events":[%s, %s]},\
        "page":{"size":2,"totalElements":42,"totalPages":21,"number":0}}"""
            .formatted(first, second);

    EventListing.Page page = reader.read(body.getBytes(StandardCharsets.UTF_8));

    assertThat(page.events()).extracting(TicketmasterEvent::raw).containsExactly(first, second);
    assertThat(page.events()).extracting(TicketmasterEvent::id).containsExactly("G5v1", "G5v2");
    assertThat(page.events().get(0).venues().get(0).city()).isEqualTo("Zürich");
    assertThat(page.totalElements()).isEqualTo(42);
    assertThat(page.totalPages()).isEqualTo(21);
  }

  @Test
  void aPageWithoutEventsIsEmpty() {
    // Discovery leaves _embedded out when nothing matched.
    EventListing.Page page =
        reader.read(
            "{\"page\":{\"size\":20,\"totalElements\":0,\"totalPages\":0,\"number\":0}}"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(page.events()).isEmpty();
    assertThat(page.totalPages()).isZero();
  }

  @Test
  void refusesAnAnswerThatIsNotAnEventsPage() {
    assertThatThrownBy(() -> reader.read("[]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> reader.read("<html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(JacksonException.class);
    for (String broken :
        List.of(
            "{\"_embedded\":{\"events\":[{\"id\":",
            "{\"page\":{}",
            "{\"page\":{}} {}",
            "{\"_embedded\":{\"events\":[{\"id\":\"G5v1\"}, null]}}")) {
      assertThatThrownBy(() -> reader.read(broken.getBytes(StandardCharsets.UTF_8)))
          .as(broken)
          .isInstanceOf(JacksonException.class);
    }
  }
}
