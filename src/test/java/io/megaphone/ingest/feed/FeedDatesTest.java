package io.megaphone.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Feed dates are read strictly: ROME's own parser is lenient and moves impossible dates to the next month. */
class FeedDatesTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void rfc822AndIso8601() {
    assertThat(FeedReader.parseDate("Wed, 01 Mar 2023 08:00:00 +0000", PARIS)).isEqualTo(Instant.parse("2023-03-01T08:00:00Z"));
    assertThat(FeedReader.parseDate("1 Mar 2023 08:00 GMT", PARIS)).isEqualTo(Instant.parse("2023-03-01T08:00:00Z"));
    assertThat(FeedReader.parseDate("Mon, 03 Jul 2023 09:00:00 EDT", PARIS)).isEqualTo(Instant.parse("2023-07-03T13:00:00Z"));
    assertThat(FeedReader.parseDate("Mon, 03 Jul 23 09:00:00 +02:00", PARIS)).isEqualTo(Instant.parse("2023-07-03T07:00:00Z"));
    assertThat(FeedReader.parseDate("Mon, 03 Jul 2023 09:00:00", PARIS)).isEqualTo(Instant.parse("2023-07-03T07:00:00Z"));
    assertThat(FeedReader.parseDate("2023-05-10T09:00:00+02:00", PARIS)).isEqualTo(Instant.parse("2023-05-10T07:00:00Z"));
    assertThat(FeedReader.parseDate("2023-05-10", PARIS)).isEqualTo(Instant.parse("2023-05-09T22:00:00Z"));
    assertThat(FeedReader.parseDate("le 10 mai", PARIS)).isNull(); // another shape: left to ROME
  }

  @Test
  void impossibleDatesAreRejected() {
    assertThatThrownBy(() -> FeedReader.parseDate("Fri, 31 Jun 2023 10:00:00 +0200", PARIS))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> FeedReader.parseDate("Tue, 10 Jun 2003 25:00:00 GMT", PARIS))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> FeedReader.parseDate("Tue, 10 Foo 2003 04:00:00 GMT", PARIS))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> FeedReader.parseDate("2023-02-30T10:00:00Z", PARIS))
        .isInstanceOf(DateTimeException.class);
  }

  @Test
  void bareIdsAreQualifiedByTheFeed_languagesArePrimarySubtags() {
    assertThat(FeedReader.qualify("4521", "https://news.example/")).isEqualTo("https://news.example/#4521");
    assertThat(FeedReader.qualify("tag:news.example,2023:1", "https://news.example/")).isEqualTo("tag:news.example,2023:1");
    assertThat(FeedReader.qualify("urn:uuid:1225c695", null)).isEqualTo("urn:uuid:1225c695");
    assertThat(FeedReader.language("fr-FR")).isEqualTo("fr");
    assertThat(FeedReader.language("EN_us")).isEqualTo("en");
    assertThat(FeedReader.language(" ")).isNull();
  }
}
