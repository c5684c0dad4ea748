package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void offsetWithoutColonAsFacebookWritesIt() {
    assertThat(Timestamps.parse("2017-07-14T14:30:59+0000", PARIS)).isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(Timestamps.parse("2017-07-14T14:30:59-0530", PARIS)).isEqualTo(Instant.parse("2017-07-14T20:00:59Z"));
    assertThat(Timestamps.parse("2017-07-14T14:30:59.250+0200", PARIS))
        .isEqualTo(Instant.parse("2017-07-14T12:30:59.250Z"));
    assertThat(Timestamps.parse("2017-07-14 14:30:59+0100", PARIS)).isEqualTo(Instant.parse("2017-07-14T13:30:59Z"));
  }

  @Test
  void otherShapesAreUnchanged() {
    assertThat(Timestamps.parse("2022-06-03T16:16:46Z", PARIS)).isEqualTo(Instant.parse("2022-06-03T16:16:46Z"));
    assertThat(Timestamps.parse("2017-07-14T14:30:59+02:00", PARIS)).isEqualTo(Instant.parse("2017-07-14T12:30:59Z"));
    assertThat(Timestamps.parse("2017-07-14T14:30:59", PARIS)).isEqualTo(Instant.parse("2017-07-14T12:30:59Z"));
    assertThat(Timestamps.parse("2017-07-14 14:30:59.5", PARIS)).isEqualTo(Instant.parse("2017-07-14T12:30:59.500Z"));
    assertThat(Timestamps.parse("Wed Oct 10 20:19:24 +0000 2018", PARIS)).isEqualTo(Instant.parse("2018-10-10T20:19:24Z"));
    assertThat(Timestamps.parse("1500042659", PARIS)).isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(Timestamps.colonInOffset("2017-07-14")).isEqualTo("2017-07-14");
    assertThatThrownBy(() -> Timestamps.parse("2017-07-14T14:30:59+00000", PARIS))
        .isInstanceOf(DateTimeParseException.class);
  }
}
