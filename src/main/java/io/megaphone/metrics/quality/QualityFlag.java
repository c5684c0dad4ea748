package io.megaphone.metrics.quality;

import java.util.Arrays;
import java.util.List;

/**
 * The per-post quality flags of SPEC §3.3, in table order. {@link #bit()} is the flag's bit in a post's flag
 * mask; {@link #column()} names its columns in quality.csv ({@code <column>_posts}, {@code <column>_rate}) and
 * its rows in platform_quality.csv.
 *
 * <p>The text-level flags (all but {@link #TEMPLATED_REPLY} and {@link #SPAM}) are set by {@link PostFlagger}, whose
 * javadoc states each rule exactly; their word lists are {@link Lexicons} (resource files, overridable with the
 * parameter quality.lexicons) and the crisis windows {@link CrisisEvents} (quality.crisis-events).
 */
public enum QualityFlag {
  LINK_ONLY("link_only", "contains a URL and fewer than 3 words remain once URLs, mentions and hashtags are removed"),
  SELF_PROMOTION("self_promotion", "offers, discounts, prices, calls to buy (lexicon self_promotion)"),
  BAIT_VOTE("bait_vote", "engagement bait asking to vote (\"tu préfères X ou Y ?\", \"like if\")"),
  BAIT_REACT("bait_react", "engagement bait asking to react (\"like si\", \"react with\")"),
  BAIT_SHARE("bait_share", "engagement bait asking to share (\"RT si\", \"partagez\")"),
  BAIT_TAG("bait_tag", "engagement bait asking to tag someone (\"tag a friend\", \"identifie\")"),
  BAIT_COMMENT("bait_comment", "engagement bait asking for a comment (\"commente OUI\")"),
  HASHTAG_STUFFING("hashtag_stuffing", "4 or more hashtags"),
  BUZZWORDS("buzzwords", "marketing buzzwords (lexicon buzzwords)"),
  EMPTY("empty", "no content word: only emoji, a GIF, a link, mentions or hashtags"),
  CRISIS_OPPORTUNISM("crisis_opportunism",
      "promotional or jokey post during a crisis window, or a crisis hashtag ridden with a promotion"),
  TEMPLATED_REPLY("templated_reply",
      "a brand reply whose text, names, numbers and handles masked, recurs at least quality.template-min-count times"),
  SPAM("spam", "spam probability above 0.5 from the MLlib classifier trained on the UCI YouTube Spam Collection");

  private final String column;
  private final String rule;

  QualityFlag(String column, String rule) {
    this.column = column;
    this.rule = rule;
  }

  public String column() {
    return column;
  }

  public String rule() {
    return rule;
  }

  public int bit() {
    return 1 << ordinal();
  }

  public boolean in(int mask) {
    return (mask & bit()) != 0;
  }

  /** The five engagement-bait classes. */
  public static final List<QualityFlag> BAIT = List.of(BAIT_VOTE, BAIT_REACT, BAIT_SHARE, BAIT_TAG, BAIT_COMMENT);

  public static List<QualityFlag> all() {
    return Arrays.asList(values());
  }
}
