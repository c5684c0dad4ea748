package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PostTextTest {
  /** The table shortcut of {@link PostText#normalise} equals the full NFKC → lower case → NFD → no marks. */
  @Test
  void tableShortcutEqualsTheFullNormalisation() throws Exception {
    List<String> texts = new ArrayList<>(List.of("Été ½ ² ª º µ ß ŉ ſ İstanbul Œuvre Ǆ", "a\u00A0b\u00A8c\u00B4d\u00B8",
        "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß", "Ĳ ĳ Ŀ ŀ ſt", "ÿŸ"));
    Random rnd = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      char[] c = new char[1 + rnd.nextInt(12)];
      for (int i = 0; i < c.length; i++) c[i] = (char) (rnd.nextBoolean() ? 32 + rnd.nextInt(96) : rnd.nextInt(0x180));
      texts.add(new String(c));
    }
    // the other table blocks, emoji (with their variation selectors and skin tones) and what must take the full
    // path next to them: combining marks, Greek capital sigma, Hangul jamo, lone surrogates, other emoji-like planes
    int[][] blocks = {{0x2000, 0x2070}, {0x20A0, 0x20D0}, {0x2100, 0x2150}, {0x2190, 0x2200}, {0x2600, 0x27C0},
        {0xFE0E, 0xFE10}, {0x1F300, 0x1FB00}, {0x1F100, 0x1F200}, {0x0300, 0x0370}, {0x20D0, 0x2100}, {0x03A3, 0x03A4},
        {0x1100, 0x1200}, {0x3130, 0x3190}, {0xD800, 0xE000}, {0x0180, 0x0250}};
    for (int n = 0; n < 200_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = 1 + rnd.nextInt(10); i > 0; i--) {
        int[] block = blocks[rnd.nextInt(rnd.nextInt(4) == 0 ? blocks.length : 7)];
        if (rnd.nextInt(3) == 0) b.append((char) (32 + rnd.nextInt(96)));
        else if (rnd.nextInt(4) == 0) b.append((char) rnd.nextInt(0x180));
        else b.appendCodePoint(block[0] + rnd.nextInt(block[1] - block[0]));
      }
      texts.add(b.toString());
    }
    texts.addAll(io.megaphone.testing.Pipeline.realColumn("facebook-news/fb_news_posts_20K.csv", ',', "message"));
    int differ = 0;
    String first = null;
    for (String t : texts) {
      if (!PostText.normalise(t).equals(PostText.normaliseFully(t))) {
        differ++;
        if (first == null) first = t;
      }
    }
    assertThat(differ).as("first text normalised differently: %s", first).isZero();
    assertThat(PostText.normalise("Été À LA Plage")).isEqualTo("ete a la plage");
    assertThat(PostText.normalise("½")).isEqualTo("1⁄2");
    assertThat(PostText.normalise("L’Été — 3 € ™ ❤️ 👍🏽")).isEqualTo("l’ete — 3 € tm ❤ 👍🏽");
  }
}
