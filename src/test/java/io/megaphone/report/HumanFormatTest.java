package io.megaphone.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HumanFormatTest {

  /** Reads the expected text with plain spaces; the formatter joins numbers and units with NBSP. */
  private static String plain(String formatted) {
    return formatted.replace(HumanFormat.NBSP, ' ');
  }

  @Test
  void durations() {
    assertThat(HumanFormat.duration(7500.0)).isEqualTo("2\u00A0h 05\u00A0min");
    assertThat(plain(HumanFormat.duration(null))).isEqualTo("—");
    assertThat(plain(HumanFormat.duration(0.0))).isEqualTo("0 s");
    assertThat(plain(HumanFormat.duration(45.0))).isEqualTo("45 s");
    assertThat(plain(HumanFormat.duration(59.6))).isEqualTo("1 min 00 s");
    assertThat(plain(HumanFormat.duration(185.0))).isEqualTo("3 min 05 s");
    assertThat(plain(HumanFormat.duration(599.4))).isEqualTo("9 min 59 s");
    assertThat(plain(HumanFormat.duration(725.0))).isEqualTo("12 min");
    assertThat(plain(HumanFormat.duration(3599.7))).isEqualTo("1 h 00 min");
    assertThat(plain(HumanFormat.duration(7500.0))).isEqualTo("2 h 05 min");
    assertThat(plain(HumanFormat.duration(86_399.0))).isEqualTo("1.0 d");
    assertThat(plain(HumanFormat.duration(3.2 * 86_400))).isEqualTo("3.2 d");
  }

  @Test
  void percentagesAndRatios() {
    assertThat(plain(HumanFormat.percent(0.4567))).isEqualTo("45.7 %");
    assertThat(plain(HumanFormat.percent((Double) null))).isEqualTo("—");
    assertThat(plain(HumanFormat.percent(1, 3))).isEqualTo("33.3 %");
    assertThat(plain(HumanFormat.percent(0, 0))).isEqualTo("—");
    assertThat(HumanFormat.ratio(2.345)).isEqualTo("2.35");
    assertThat(HumanFormat.ratio(Double.NaN)).isEqualTo("—");
  }

  @Test
  void sizesCountsAndHashes() {
    assertThat(HumanFormat.bytes(999)).isEqualTo("999 B");
    assertThat(HumanFormat.bytes(1_500)).isEqualTo("1.5 kB");
    assertThat(HumanFormat.bytes(999_999)).isEqualTo("1.0 MB");
    assertThat(HumanFormat.bytes(12_300_000)).isEqualTo("12.3 MB");
    assertThat(HumanFormat.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(HumanFormat.shortHash("0123456789abcdef")).isEqualTo("0123456789ab…");
    assertThat(HumanFormat.shortHash("")).isEqualTo("—");
  }
}
