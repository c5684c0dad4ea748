package io.megaphone.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs, hashtags and mentions found in a text, for sources that do not give them. A mention is
 * {@code @} followed by letters, digits or {@code _}, not preceded by one of those or by {@code @}: so
 * {@code contact@brand.fr} is no mention, and {@code @brand_fans} is a mention of brand_fans, not brand.
 */
public final class TextEntities {
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@])@([\\p{L}\\p{N}_]+)");
  private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#([\\p{L}\\p{N}_]+)");

  private TextEntities() {}

  public static List<String> urls(String text) {
    return all(URL, text, 0);
  }

  public static List<String> mentions(String text) {
    return all(MENTION, text, 1);
  }

  public static List<String> hashtags(String text) {
    return all(HASHTAG, text, 1);
  }

  private static List<String> all(Pattern p, String text, int group) {
    if (text == null || text.isEmpty()) return List.of();
    LinkedHashSet<String> found = new LinkedHashSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) found.add(m.group(group));
    return new ArrayList<>(found);
  }
}
