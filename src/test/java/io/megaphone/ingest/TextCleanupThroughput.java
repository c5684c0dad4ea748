package io.megaphone.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.megaphone.testing.Pipeline;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Not a test: prints what the shared text cleanup and the language detection cost on one core, on real texts
 * (the French media tweets and YouTube titles, Facebook news messages, TWCS tweets, cycled to 1M) or, without
 * ../shared, on made-up ones. Run it with the test classpath:
 * <pre>
 *   mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 *   java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) io.megaphone.ingest.TextCleanupThroughput
 * </pre>
 */
public final class TextCleanupThroughput {
  private TextCleanupThroughput() {}

  public static void main(String[] args) throws Exception {
    List<String> base = texts();
    int n = 1_000_000;
    String[] texts = new String[n];
    long chars = 0;
    for (int i = 0; i < n; i++) {
      // a new String per slot, as a parser would produce
      texts[i] = new String(base.get(i % base.size()).toCharArray());
      chars += texts[i].length();
    }
    System.out.printf("%,d texts (%,d distinct), %.1f M characters%n", n, base.size(), chars / 1e6);
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      long sink = 0;
      for (String t : texts) sink += (t.indexOf('&') < 0 ? t : StringEscapeUtils.unescapeHtml4(t)).length();
      long t1 = System.nanoTime();
      for (String t : texts) sink += TextRepair.clean(t).length();
      long t2 = System.nanoTime();
      System.out.printf("round %d: entity decoding alone (the parsers' former cost) %.0f ms;"
              + " TextRepair.clean %.0f ms = %.0f ns/text, %,.0f texts/s (%d)%n", round, (t1 - t0) / 1e6,
          (t2 - t1) / 1e6, (double) (t2 - t1) / n, n / ((t2 - t1) / 1e9), sink % 10);
    }
    long t0 = System.nanoTime();
    LanguageDetection.detect("Le modèle se charge une seule fois par JVM, au premier appel.");
    System.out.printf("language model loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    int m = Math.min(base.size(), 40_000);
    for (int round = 0; round < 2; round++) {
      long judged = 0;
      t0 = System.nanoTime();
      for (int i = 0; i < m; i++) if (LanguageDetection.detect(base.get(i)) != null) judged++;
      double sec = (System.nanoTime() - t0) / 1e9;
      System.out.printf("round %d: LanguageDetection.detect on %,d texts (%,d judged): %,.0f texts/s on one core%n",
          round, m, judged, m / sec);
    }
  }

  static List<String> texts() throws Exception {
    List<String> out = new ArrayList<>();
    if (Pipeline.missingRealFiles("frenchmedia/twitter/tweets.json", "frenchmedia/youtube/videos2.csv",
        "facebook-news/fb_news_posts_20K.csv", "twcs/twcs_head5000.csv") == null) {
      JsonNode root = new ObjectMapper().readTree(Pipeline.realFile("frenchmedia/twitter/tweets.json").toFile());
      root.forEach(list -> list.forEach(t -> out.add(t.get("text").asText())));
      out.addAll(TextRepairTest.column("frenchmedia/youtube/videos2.csv", ';', "title_video"));
      out.addAll(TextRepairTest.column("facebook-news/fb_news_posts_20K.csv", ',', "message"));
      out.addAll(TextRepairTest.column("twcs/twcs_head5000.csv", ',', "text"));
      java.util.Collections.shuffle(out, new java.util.Random(1));
      return out;
    }
    String[] words = {"le", "service", "client", "répond", "vite", "thanks", "for", "your", "help", "😀", "@brand",
        "#promo", "https://t.co/x1", "à", "été", "R&amp;D"};
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int len = 5 + r.nextInt(25);
      for (int w = 0; w < len; w++) b.append(words[r.nextInt(words.length)]).append(' ');
      out.add(b.toString().trim());
    }
    return out;
  }
}
