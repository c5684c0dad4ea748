package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** Every timestamp shape {@link Timestamps} reads, and what it does with a time that has no zone. */
class TimestampShapesTest {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Instant T = Instant.parse("2022-06-07T08:52:12Z");

  static Instant p(String raw) {
    return Timestamps.parse(raw, PARIS);
  }

  @Test
  void iso8601WithAnOffset() {
    assertThat(p("2022-06-07T08:52:12Z")).isEqualTo(T);
    assertThat(p("2022-06-07T08:52:12z")).isEqualTo(T);
    assertThat(p("2022-06-07T08:52:12.000Z")).isEqualTo(T);
    assertThat(p("2022-06-07T08:52:12+00:00")).isEqualTo(T);
    assertThat(p("2022-06-07T08:52:12+0000")).isEqualTo(T); // Facebook Graph API
    assertThat(p("2022-06-07T10:52:12+02:00")).isEqualTo(T);
    assertThat(p("2022-06-07T10:52:12+0200")).isEqualTo(T);
    assertThat(p("2022-06-07T03:22:12-0530")).isEqualTo(T);
    assertThat(p("2022-06-07 09:52:12.000+0100")).isEqualTo(T);
    assertThat(p("2022-06-07T10:52:12+02")).isEqualTo(T);
    assertThat(p("2022-06-07T03:52:12-05:00")).isEqualTo(T);
    assertThat(p("2022-06-07 08:52:12 UTC")).isEqualTo(T);
    assertThat(p("2022-06-07 08:52:12 GMT")).isEqualTo(T);
    assertThat(p("2022-06-07 08:52:12Z")).isEqualTo(T);
    assertThat(p("  2022-06-07T08:52:12Z  ")).isEqualTo(T);
  }

  @Test
  void fractionalSecondsToTheNanosecond() {
    assertThat(p("2022-06-07T08:52:12.5Z")).isEqualTo(T.plusMillis(500));
    assertThat(p("2022-06-07T08:52:12.123456789Z")).isEqualTo(T.plusNanos(123_456_789));
    assertThat(p("2022-06-07T08:52:12,25+00:00")).isEqualTo(T.plusMillis(250));
    assertThat(p("2022-06-07 10:52:12.123456")).isEqualTo(T.plusNanos(123_456_000)); // no zone: Paris
  }

  @Test
  void noOffsetMeansTheSourceZone() {
    // 10:52 in Paris in June (CEST, UTC+2) is 08:52 UTC
    assertThat(Timestamps.parse("2022-06-07T10:52:12", PARIS)).isEqualTo(T);
    assertThat(Timestamps.parse("2022-06-07 10:52:12", PARIS)).isEqualTo(T);
    assertThat(Timestamps.parse("2022-06-07 08:52:12", UTC)).isEqualTo(T);
    assertThat(Timestamps.parse("2022-06-07T04:52:12", ZoneId.of("America/New_York"))).isEqualTo(T);
    // in winter Paris is UTC+1
    assertThat(Timestamps.parse("2022-01-07T09:52", PARIS)).isEqualTo(Instant.parse("2022-01-07T08:52:00Z"));
    // a date alone is midnight in the zone
    assertThat(Timestamps.parse("2022-06-07", PARIS)).isEqualTo(Instant.parse("2022-06-06T22:00:00Z"));
    assertThat(Timestamps.parse("2022-06-07", UTC)).isEqualTo(Instant.parse("2022-06-07T00:00:00Z"));
    // an explicit offset wins over the zone
    assertThat(Timestamps.parse("2022-06-07T08:52:12Z", ZoneId.of("Asia/Tokyo"))).isEqualTo(T);
  }

  @Test
  void twitterAndRfc1123() {
    assertThat(p("Tue Jun 07 08:52:12 +0000 2022")).isEqualTo(T);
    assertThat(p("Tue Jun 07 10:52:12 +0200 2022")).isEqualTo(T);
    assertThat(p("Tue, 7 Jun 2022 08:52:12 GMT")).isEqualTo(T);
    assertThat(p("Tue, 07 Jun 2022 10:52:12 +0200")).isEqualTo(T);
  }

  @Test
  void epochNumbersAndNumericStrings() {
    assertThat(p("1654591932")).isEqualTo(T);
    assertThat(p("1654591932.25")).isEqualTo(T.plusMillis(250));
    assertThat(p("1654591932000")).isEqualTo(T);
    assertThat(p("1654591932123")).isEqualTo(T.plusMillis(123));
    assertThat(p("1654591932123456")).isEqualTo(T.plusNanos(123_456_000)); // microseconds
    assertThat(p("1654591932123456789")).isEqualTo(T.plusNanos(123_456_789)); // nanoseconds
    assertThat(p("0")).isEqualTo(Instant.EPOCH);
    assertThat(p("-86400")).isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
    assertThat(Timestamps.epochNumber(1654591932)).isEqualTo(T);
    assertThat(Timestamps.epochNumber(1654591932.5)).isEqualTo(T.plusMillis(500));
    assertThat(Timestamps.epochNumber(1654591932000.0)).isEqualTo(T);
    assertThat(Timestamps.epochNumber(1654591932000000.0)).isEqualTo(T);
    assertThat(Timestamps.epochNumber(1654591932000000000.0)).isEqualTo(T);
  }

  @Test
  void garbageIsAnExceptionThePostRecordQuarantines() {
    for (String bad : new String[] {"", "  ", "yesterday", "2022-13-07T08:52:12Z", "2022-06-07T25:61:00Z",
        "2022-06-07T08:52:12+25:00", "Tue Foo 99 25:61:00 +0000 2017", "12.", "1.2.3", "2022/06/07",
        "99999999999999999999999999999999"}) {
      assertThatThrownBy(() -> p(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
    }
  }
}
