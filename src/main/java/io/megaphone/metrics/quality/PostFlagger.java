package io.megaphone.metrics.quality;

import io.megaphone.job.JobSettings;
import io.megaphone.job.Parameter;
import io.megaphone.job.UsageException;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text-level quality flags of one post (SPEC §3.3), as a mask of {@link QualityFlag#bit()}s. Built once
 * (driver side) from {@link Lexicons} and {@link CrisisEvents}, then serialised to the executors: every lexicon
 * is compiled into one token trie ({@link PhraseMatcher}), so a post costs one normalisation, one tokenisation
 * and one walk over its tokens, whatever the size of the lexicons.
 *
 * <p>Rules (lexicon matches are case- and accent-insensitive, on word boundaries, see {@link PostText}):
 * <ul>
 *   <li>{@code link_only}: the post has a URL (in its text or in {@code urls}) and fewer than
 *       {@code quality.link-only-words} (3) words remain once URLs, mentions and hashtags are removed;</li>
 *   <li>{@code self_promotion}, {@code bait_vote|react|share|tag|comment}, {@code buzzwords}: an entry of that
 *       lexicon occurs in the text (hashtags included: {@code #soldes} is self-promotion);</li>
 *   <li>{@code hashtag_stuffing}: at least {@code quality.hashtag-stuffing} (4) distinct hashtags (case- and
 *       accent-insensitive; from {@code hashtags}, or from the text when {@code hashtags} is null);</li>
 *   <li>{@code empty}: no content word: every word left once URLs, mentions and hashtags are removed is a
 *       stopword or has no letter (a number), so only emoji, a GIF, a link, mentions or hashtags remain
 *       (a blank or null text is empty);</li>
 *   <li>{@code crisis_opportunism}: self-promotion or jokey (lexicon jokey) and posted inside a crisis window;
 *       or self-promotion with a crisis keyword or #hashtag, whenever posted.</li>
 * </ul>
 * {@code lang} picks the lexicons: {@code fr}, {@code en} (a region suffix like {@code fr-CA} is ignored); any
 * other or null language uses both. Templated replies and spam are not text-level: other stages set them.
 */
public final class PostFlagger implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The flags this class sets. */
  public static final int TEXT_FLAGS;

  static {
    int m = 0;
    for (QualityFlag f : List.of(QualityFlag.LINK_ONLY, QualityFlag.SELF_PROMOTION, QualityFlag.BAIT_VOTE,
        QualityFlag.BAIT_REACT, QualityFlag.BAIT_SHARE, QualityFlag.BAIT_TAG, QualityFlag.BAIT_COMMENT,
        QualityFlag.HASHTAG_STUFFING, QualityFlag.BUZZWORDS, QualityFlag.EMPTY, QualityFlag.CRISIS_OPPORTUNISM)) {
      m |= f.bit();
    }
    TEXT_FLAGS = m;
  }

  // Lexicon bits in the matcher: 2 * kind + (0 en, 1 fr); crisis keywords use one bit for both languages.
  private static final Lexicons.Kind[] MATCHED = {Lexicons.Kind.SELF_PROMOTION, Lexicons.Kind.BAIT_VOTE,
      Lexicons.Kind.BAIT_REACT, Lexicons.Kind.BAIT_SHARE, Lexicons.Kind.BAIT_TAG, Lexicons.Kind.BAIT_COMMENT,
      Lexicons.Kind.BUZZWORDS, Lexicons.Kind.JOKEY};
  private static final QualityFlag[] FLAG_OF = {QualityFlag.SELF_PROMOTION, QualityFlag.BAIT_VOTE,
      QualityFlag.BAIT_REACT, QualityFlag.BAIT_SHARE, QualityFlag.BAIT_TAG, QualityFlag.BAIT_COMMENT,
      QualityFlag.BUZZWORDS, null};
  private static final int JOKEY = 7;
  private static final long CRISIS_BIT = 1L << (2 * MATCHED.length);
  private static final long EN = 0x5555_5555_5555L & (CRISIS_BIT - 1);
  private static final long FR = 0xAAAA_AAAA_AAAAL & (CRISIS_BIT - 1);

  private final PhraseMatcher matcher = new PhraseMatcher();
  private final Set<String> stopEn = new HashSet<>();
  private final Set<String> stopFr = new HashSet<>();
  private final Set<String> crisisTags;
  private final CrisisEvents events;
  private final int hashtagStuffing;
  private final int linkOnlyWords;

  public PostFlagger(Lexicons lexicons, CrisisEvents events, int hashtagStuffing, int linkOnlyWords) {
    if (hashtagStuffing < 1) {
      throw new UsageException("parameter quality.hashtag-stuffing: " + hashtagStuffing + " must be at least 1");
    }
    if (linkOnlyWords < 1) {
      throw new UsageException("parameter quality.link-only-words: " + linkOnlyWords + " must be at least 1");
    }
    this.events = events;
    this.hashtagStuffing = hashtagStuffing;
    this.linkOnlyWords = linkOnlyWords;
    for (int k = 0; k < MATCHED.length; k++) {
      for (int l = 0; l < 2; l++) {
        long bit = 1L << (2 * k + l);
        for (String e : lexicons.entries(MATCHED[k], Lexicons.LANGS.get(l))) matcher.add(e, bit);
      }
    }
    for (String w : lexicons.entries(Lexicons.Kind.STOPWORDS, "en")) stopEn.add(PostText.normalise(w.strip()));
    for (String w : lexicons.entries(Lexicons.Kind.STOPWORDS, "fr")) stopFr.add(PostText.normalise(w.strip()));
    for (String w : events.words()) {
      try {
        matcher.add(w, CRISIS_BIT);
      } catch (IllegalArgumentException e) {
        throw new UsageException("crisis events " + events.source() + ": keyword '" + w + "': " + e.getMessage());
      }
    }
    this.crisisTags = events.hashtags();
  }

  /** Bundled lexicons and crises, default thresholds (4 hashtags, 3 words). */
  public PostFlagger(Lexicons lexicons, CrisisEvents events) {
    this(lexicons, events, 4, 3);
  }

  public static PostFlagger defaults() {
    return new PostFlagger(Lexicons.bundled(), CrisisEvents.bundled());
  }

  /** From the job's parameters quality.lexicons, quality.crisis-events, quality.hashtag-stuffing, quality.link-only-words. */
  public static PostFlagger from(JobSettings s) {
    return new PostFlagger(Lexicons.load(s.param(Parameter.QUALITY_LEXICONS)),
        CrisisEvents.load(s.param(Parameter.QUALITY_CRISIS_EVENTS)), toInt(s, Parameter.QUALITY_HASHTAG_STUFFING),
        toInt(s, Parameter.QUALITY_LINK_ONLY_WORDS));
  }

  private static int toInt(JobSettings s, Parameter p) {
    long v = s.integer(p);
    if (v < 1 || v > 1000) throw new UsageException("parameter " + p.key() + ": " + v + " must be from 1 to 1000");
    return (int) v;
  }

  public CrisisEvents events() {
    return events;
  }

  /**
   * The mask of text-level flags of one post. Any argument may be null; {@code urls}, {@code hashtags} are the
   * post's canonical entity lists (hashtags without {@code #}); {@code mentions} is accepted for symmetry with the
   * canonical post and not needed (mentions are recognised in the text).
   */
  public int flags(String text, List<String> urls, List<String> hashtags, List<String> mentions, String lang,
      Instant createdAt) {
    return flags(text, urls != null && !urls.isEmpty(), hashtags, lang, createdAt);
  }

  /** {@link #flags(String, List, List, List, String, Instant)} where only whether {@code urls} is empty matters. */
  int flags(String text, boolean hasUrls, List<String> hashtags, String lang, Instant createdAt) {
    PostText t = PostText.of(text);
    int mask = 0;
    boolean hasUrl = t.hasUrl || hasUrls;
    if (hasUrl && t.words < linkOnlyWords) mask |= QualityFlag.LINK_ONLY.bit();

    long langMask = langMask(lang);
    long m = matcher.match(t);
    long hits = m & langMask;
    for (int k = 0; k < FLAG_OF.length; k++) {
      if (FLAG_OF[k] != null && (hits & (3L << (2 * k))) != 0) mask |= FLAG_OF[k].bit();
    }

    if (distinctHashtags(t, hashtags) >= hashtagStuffing) mask |= QualityFlag.HASHTAG_STUFFING.bit();

    if (!hasContentWord(t, lang)) mask |= QualityFlag.EMPTY.bit();

    boolean promo = QualityFlag.SELF_PROMOTION.in(mask);
    boolean jokey = (hits & (3L << (2 * JOKEY))) != 0;
    if ((promo || jokey) && events.inWindow(createdAt)) {
      mask |= QualityFlag.CRISIS_OPPORTUNISM.bit();
    } else if (promo && ((m & CRISIS_BIT) != 0 || ridesCrisisTag(t, hashtags))) {
      mask |= QualityFlag.CRISIS_OPPORTUNISM.bit();
    }
    return mask;
  }

  /** 0 en, 1 fr, -1 unknown (both). */
  private static int lang(String lang) {
    if (lang == null || lang.length() < 2) return -1;
    String l = lang.substring(0, 2).toLowerCase(Locale.ROOT);
    if (lang.length() > 2 && Character.isLetter(lang.charAt(2))) return -1;
    return l.equals("en") ? 0 : l.equals("fr") ? 1 : -1;
  }

  private static long langMask(String lang) {
    int l = lang(lang);
    return l == 0 ? EN : l == 1 ? FR : EN | FR;
  }

  private boolean hasContentWord(PostText t, String lang) {
    int l = lang(lang);
    for (int i = 0; i < t.size(); i++) {
      if (t.kind(i) != PostText.WORD) continue;
      String w = t.tokens.get(i);
      if (!PostText.hasLetter(w)) continue;
      boolean stop = l == 0 ? stopEn.contains(w) : l == 1 ? stopFr.contains(w) : stopEn.contains(w) || stopFr.contains(w);
      if (!stop) return true;
    }
    return false;
  }

  private static int distinctHashtags(PostText t, List<String> hashtags) {
    List<String> source = hashtags != null ? hashtags : t.hashtags;
    if (source.isEmpty()) return 0;
    Set<String> seen = new HashSet<>();
    for (String h : source) {
      if (h == null) continue;
      String n = PostText.normalise(h.startsWith("#") ? h.substring(1) : h);
      if (!n.isEmpty()) seen.add(n);
    }
    return seen.size();
  }

  private boolean ridesCrisisTag(PostText t, List<String> hashtags) {
    if (crisisTags.isEmpty()) return false;
    for (String h : t.hashtags) if (crisisTags.contains(h)) return true;
    if (hashtags != null) {
      for (String h : hashtags) {
        if (h != null && crisisTags.contains(PostText.normalise(h.startsWith("#") ? h.substring(1) : h))) return true;
      }
    }
    return false;
  }
}
