package io.megaphone.job;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every job parameter, documented once. The README's parameter table and the report's methodology
 * appendix are generated from this list ({@code megaphone params}).
 */
public enum Parameter {
  INGEST_MIN_CREATED_AT("ingest.min-created-at", ParameterType.INSTANT, "1990-01-01T00:00:00Z",
      "Posts dated before this are quarantined as impossible_timestamp."),
  INGEST_MAX_CREATED_AT("ingest.max-created-at", ParameterType.INSTANT, "now+1d",
      "Posts dated after this are quarantined as impossible_timestamp; now+1d is resolved at job start"
          + " and the resolved instant is recorded in manifest.json."),
  INGEST_DEFAULT_TIMEZONE("ingest.default-timezone", ParameterType.ZONE, "UTC",
      "Time zone of source timestamps that carry none."),
  INGEST_DETECT_LANGUAGE("ingest.detect-language", ParameterType.BOOLEAN, "true",
      "Detect the language (ISO 639-1, Apache OpenNLP) of posts whose source gives none or und, when at"
          + " least 20 letters remain without URLs, mentions and hashtags; false leaves lang null."),
  RESPONSIVENESS_HORIZON("responsiveness.horizon", ParameterType.DURATION, "7d",
      "Horizon H: a brand reply counts as an answer when posted at or after the inbound post and at most"
          + " H later (inclusive)."),
  RESPONSIVENESS_EXCLUDE_MULTI_BRAND("responsiveness.exclude-multi-brand", ParameterType.BOOLEAN, "false",
      "Leave out inbound posts that address accounts of more than one brand."),
  RESPONSIVENESS_QUESTIONS_ONLY("responsiveness.questions-only", ParameterType.BOOLEAN, "false",
      "Count only inbound posts whose text contains a question mark."),
  DUPLICATION_THRESHOLD("duplication.threshold", ParameterType.FRACTION, "0.8",
      "Two original posts of a brand are near-duplicates when the Jaccard similarity of their character"
          + " shingles is at least this."),
  DUPLICATION_MIN_WORDS("duplication.min-words", ParameterType.INTEGER, "5",
      "Original posts with fewer words than this after normalisation are too short to judge: left out of"
          + " duplication and counted as posts_too_short."),
  DUPLICATION_SHINGLE_SIZE("duplication.shingle-size", ParameterType.INTEGER, "5",
      "Length of the character n-grams (spaces included) whose sets are compared."),
  DUPLICATION_BANDS("duplication.bands", ParameterType.INTEGER, "21",
      "MinHash LSH: bands; two posts become a candidate pair when all the rows of one band agree. With 6"
          + " rows, 21 bands find a pair of similarity 0.8 with probability 0.998 (S-curve in the README)."),
  DUPLICATION_ROWS("duplication.rows", ParameterType.INTEGER, "6",
      "MinHash LSH: rows (hash functions) per band; bands x rows MinHash values per post."),
  DUPLICATION_MAX_BUCKET("duplication.max-bucket", ParameterType.INTEGER, "1000",
      "Guard against giant LSH buckets: in a bucket with more distinct texts than this, not every pair"
          + " is compared: each text is compared with the next duplication.bucket-window texts"
          + " (ordered by text hash). Capped buckets are counted in duplication.csv."),
  DUPLICATION_BUCKET_WINDOW("duplication.bucket-window", ParameterType.INTEGER, "100",
      "Texts each text of a capped bucket is compared with (see duplication.max-bucket)."),
  DUPLICATION_SEED("duplication.seed", ParameterType.INTEGER, "20240601",
      "Seed of the MinHash hash functions; results are identical for any partitioning of the input."),
  QUALITY_LEXICONS("quality.lexicons", ParameterType.PATH, "",
      "Folder of lexicons overriding the bundled ones, same layout: en/ and fr/ each holding any of"
          + " self_promotion, bait_vote, bait_react, bait_share, bait_tag, bait_comment, buzzwords, jokey,"
          + " stopwords .txt (UTF-8, one entry per line, # comments); a file present replaces the bundled list,"
          + " an absent one keeps it; relative to the job file. Empty: the bundled lexicons."),
  QUALITY_CRISIS_EVENTS("quality.crisis-events", ParameterType.PATH, "",
      "Crisis events file (CSV name,start,end,keywords; dates yyyy-MM-dd inclusive, UTC; keywords: words and"
          + " #hashtags separated by vertical bars) for crisis opportunism; relative to the job file. Empty: the"
          + " bundled crises.csv (well-known crises 2010-2023, see its comments)."),
  QUALITY_HASHTAG_STUFFING("quality.hashtag-stuffing", ParameterType.INTEGER, "4",
      "A post with at least this many distinct hashtags is flagged hashtag_stuffing."),
  QUALITY_LINK_ONLY_WORDS("quality.link-only-words", ParameterType.INTEGER, "3",
      "A post with a URL is flagged link_only when fewer than this many words remain once URLs, mentions"
          + " and hashtags are removed."),
  QUALITY_TEMPLATE_MIN_COUNT("quality.template-min-count", ParameterType.INTEGER, "20",
      "Templated replies (the robot): a brand reply is templated when its skeleton (handles, names, numbers,"
          + " URLs and signatures masked) recurs at least this many times among the brand's replies."),
  QUALITY_DAILY_POST_THRESHOLD("quality.daily-post-threshold", ParameterType.INTEGER, "10",
      "Over-exposure: days_over_threshold_share is the share of a brand's active days on a platform with more"
          + " posts than this."),
  QUALITY_PSEUDONYM_KEY("quality.pseudonym-key", ParameterType.STRING, "megaphone-pseudonyms",
      "Key of the HMAC-SHA256 that pseudonymises the public's @handles in quality examples (@user- and 8 hex"
          + " characters; brand handles stay named). Set your own per study: with the default key anyone can"
          + " recompute a pseudonym from a guessed handle. The report does not print a key that was set."),
  QUALITY_SPAM_MODEL("quality.spam-model", ParameterType.PATH, "",
      "Folder of a saved spam classifier (metadata.json with scorer.tsv or an MLlib pipeline/) to score posts"
          + " with; empty uses the bundled one (the MLlib fit on the UCI YouTube Spam Collection, recorded in the jar)"
          + " and saves it to OUT/models/spam."),
  REPORT_TOP_BRANDS("report.top-brands", ParameterType.INTEGER, "25",
      "Brands shown in report charts (those with the most inbound posts)."),
  SPARK_SHUFFLE_PARTITIONS("spark.shuffle-partitions", ParameterType.INTEGER, "0",
      "spark.sql.shuffle.partitions for the job; 0 keeps the cluster's setting, or 2 x cores when embedded.");

  private final String key;
  private final ParameterType type;
  private final String defaultValue;
  private final String description;

  Parameter(String key, ParameterType type, String defaultValue, String description) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public ParameterType type() {
    return type;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public static Optional<Parameter> byKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }

  /** Checks and normalises {@code value}; the message names the key, the value and what was expected. */
  public String validate(String value) {
    try {
      return type.normalise(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "parameter " + key + ": invalid value '" + value + "' (" + e.getMessage() + ")");
    }
  }

  public static Map<String, String> defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Parameter p : values()) m.put(p.key, p.validate(p.defaultValue));
    return m;
  }

  /** Markdown table of all parameters, for the README and {@code megaphone params}. */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder("| parameter | default | meaning |\n|---|---|---|\n");
    for (Parameter p : values()) {
      sb.append("| `").append(p.key).append("` | `").append(p.defaultValue).append("` | ")
          .append(p.description).append(" (").append(p.type.hint()).append(") |\n");
    }
    return sb.toString();
  }
}
