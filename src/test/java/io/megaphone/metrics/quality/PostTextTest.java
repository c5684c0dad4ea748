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
  }
}
