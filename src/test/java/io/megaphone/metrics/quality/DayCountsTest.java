package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DayCountsTest {
  /** Against a plain map, through growth and merges: days spread over decades, negative ones and repeats. */
  @Test
  void countsEqualAPlainMapThroughGrowthAndMerges() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      DayCounts[] parts = new DayCounts[1 + random.nextInt(4)];
      Map<Integer, Long> expected = new HashMap<>();
      int span = 1 + random.nextInt(round % 5 == 0 ? 5 : 20_000);
      for (int p = 0; p < parts.length; p++) {
        parts[p] = new DayCounts();
        for (int k = random.nextInt(3_000); k > 0; k--) {
          int day = random.nextInt(span) - span / 3;
          long n = 1 + random.nextInt(3);
          parts[p].add(day, n);
          expected.merge(day, n, Long::sum);
        }
      }
      DayCounts merged = new DayCounts();
      for (DayCounts part : parts) merged.addAll(part);
      assertThat(merged.size()).isEqualTo(expected.size());
      for (long threshold : new long[] {0, 1, 5, 10, 40}) {
        long above = expected.values().stream().filter(v -> v > threshold).count();
        assertThat(merged.countAbove(threshold)).as("days above %d", threshold).isEqualTo(above);
      }
    }
  }

  @Test
  void emptyHasNoDays() {
    assertThat(new DayCounts().size()).isZero();
    assertThat(new DayCounts().countAbove(0)).isZero();
  }
}
