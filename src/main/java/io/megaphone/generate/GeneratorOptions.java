package io.megaphone.generate;

import io.megaphone.job.UsageException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * What to generate: validated once, immutable. The posts of an archive depend only on (seed, posts, brands,
 * period, platforms); {@code postsPerFile} only decides where the stream is cut into files.
 */
public record GeneratorOptions(long posts, String format, long seed, String out, long postsPerFile, int brands,
    Instant start, Instant end, boolean labels, boolean overwrite, boolean brandPostsOnly) implements Serializable {

  public static final List<String> FORMATS = GeneratedFormat.names();
  /** Posts are generated in blocks of this many; files hold whole blocks, so cuts never split an event. */
  public static final int BLOCK = 1000;
  public static final long DEFAULT_POSTS_PER_FILE = 250_000;
  public static final Instant DEFAULT_START = Instant.parse("2020-01-01T00:00:00Z");
  public static final Instant DEFAULT_END = Instant.parse("2022-01-01T00:00:00Z");

  public GeneratorOptions {
    if (posts < 1) throw new UsageException("--posts must be at least 1 (got " + posts + ")");
    requireFormat(format);
    if (postsPerFile < BLOCK || postsPerFile % BLOCK != 0) {
      throw new UsageException("--posts-per-file must be a positive multiple of " + BLOCK + " (got " + postsPerFile + ")");
    }
    if (brands < 0) throw new UsageException("--brands must be positive (got " + brands + ")");
    if (brands == 0) brands = defaultBrands(posts);
    if (!end.isAfter(start.plusSeconds(86_400))) {
      throw new UsageException("--end must be at least one day after --start (" + start + " .. " + end + ")");
    }
  }

  /** An archive of every kind of post (the usual one). */
  public GeneratorOptions(long posts, String format, long seed, String out, long postsPerFile, int brands,
      Instant start, Instant end, boolean labels, boolean overwrite) {
    this(posts, format, seed, out, postsPerFile, brands, start, end, labels, overwrite, false);
  }

  /**
   * The same options for an archive of brand publishing only (originals, their copies on other platforms and
   * accounts, re-posts; no public posts, comments or answers): the input of duplication benchmarks.
   */
  public GeneratorOptions withBrandPostsOnly() {
    return new GeneratorOptions(posts, format, seed, out, postsPerFile, brands, start, end, labels, overwrite, true);
  }

  /** Rejects a format the generator cannot write (usage error naming the ones it can). */
  public static void requireFormat(String format) {
    if (!FORMATS.contains(format)) {
      throw new UsageException("--format '" + format + "' cannot be generated; choose one of " + String.join(", ", FORMATS));
    }
  }

  /** Grows with the archive (√N/5) so brands keep a realistic number of posts each: 12 to 2,000. */
  static int defaultBrands(long posts) {
    return (int) Math.max(12, Math.min(2000, Math.round(Math.sqrt(posts) / 5)));
  }

  public long files() {
    return (posts + postsPerFile - 1) / postsPerFile;
  }

  public long blocks() {
    return (posts + BLOCK - 1) / BLOCK;
  }

  /** Platforms the format can carry: a one-platform format gets a one-platform world. */
  public List<String> platforms() {
    return generated().platforms;
  }

  public boolean multiPlatform() {
    return platforms().size() > 1;
  }

  public String dataExtension() {
    return generated().extension;
  }

  GeneratedFormat generated() {
    return GeneratedFormat.byName(format).orElseThrow();
  }

  /** "10M", "250k", "1,000,000", "1e6" → a count. */
  public static long parseCount(String s) {
    String t = s.trim().replace(",", "").replace("_", "").toLowerCase(Locale.ROOT);
    long mult = 1;
    if (t.endsWith("k")) mult = 1_000;
    else if (t.endsWith("m")) mult = 1_000_000;
    else if (t.endsWith("g") || t.endsWith("b")) mult = 1_000_000_000;
    if (mult > 1) t = t.substring(0, t.length() - 1);
    try {
      double v = Double.parseDouble(t) * mult;
      if (v != Math.rint(v) || v < 0 || v > 1e15) throw new NumberFormatException();
      return (long) v;
    } catch (NumberFormatException e) {
      throw new UsageException("'" + s + "' is not a count (examples: 100000, 250k, 10M)");
    }
  }

  public static Instant parseDate(String option, String s) {
    try {
      return s.length() == 10 ? LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(s);
    } catch (RuntimeException e) {
      throw new UsageException(option + " '" + s + "' is not a date (YYYY-MM-DD) or an ISO instant");
    }
  }
}
