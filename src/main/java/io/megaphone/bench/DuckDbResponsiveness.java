package io.megaphone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Single-machine reference of the {@code responsiveness} table (SPEC §3.1, post mode, default options) in DuckDB
 * SQL: the benchmark's baseline and an independent check of the Spark implementation
 * ({@code io.megaphone.metrics.responsiveness.InboundPosts} and {@code ResponseTimeStats}), whose semantics it
 * reproduces exactly. It reads a finished run's output folder (SPEC §4): {@code archive/} (canonical Parquet,
 * partitioned by {@code platform=...}) and {@code metrics/brand_accounts.csv}.
 *
 * <p>DuckDB ({@code org.duckdb:duckdb_jdbc}) is a provided dependency: it is on the test classpath and on the
 * classpath of {@code jobs/run-local}, not in the shaded jar. This class only uses {@code java.sql}, so it loads
 * without DuckDB; check {@link #available()} before calling {@link #compute}.
 */
public final class DuckDbResponsiveness {
  private static final String DRIVER = "org.duckdb.DuckDBDriver";

  /** One row of the table; the response-time figures are null when no inbound post was answered. */
  public record Row(String brand, String platform, long inbound, long answered, Double rtMedianS, Double rtMeanS,
      Double rtP90S) {}

  private DuckDbResponsiveness() {}

  /** Whether the DuckDB JDBC driver is on the classpath. */
  public static boolean available() {
    try {
      Class.forName(DRIVER);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Canonical posts when the archive holds no Parquet file (a run that accepted nothing): typed, empty. */
  private static final String EMPTY_ARCHIVE = """
      (SELECT NULL::VARCHAR AS platform, NULL::VARCHAR AS post_id, NULL::VARCHAR AS brand,
              NULL::TIMESTAMP AS created_at, NULL::VARCHAR AS in_reply_to_post_id,
              NULL::VARCHAR AS in_reply_to_account_id, NULL::BOOLEAN AS is_repost, NULL::VARCHAR[] AS mentions
       WHERE false)""";

  /**
   * The table. Placeholders: {@code {archive}} (a relation of canonical posts), {@code {accounts_csv}} (a string
   * literal) and {@code {horizon_us}} (the horizon H in microseconds).
   */
  private static final String QUERY = """
      WITH
      -- The brand accounts of the run (registered, or marked as brand by a source format). Empty cells are NULL.
      accounts AS (
        SELECT brand, platform, account_id, handle
        FROM read_csv({accounts_csv}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
      ),
      -- The canonical archive; platform comes from the hive partition folder (platform=...).
      posts AS (
        SELECT platform, post_id, brand, created_at, in_reply_to_post_id, in_reply_to_account_id, is_repost,
               mentions
        FROM {archive}
      ),
      -- The public: posts by an account of no brand that are not reposts.
      public_posts AS (
        SELECT * FROM posts WHERE brand IS NULL AND is_repost = false
      ),
      -- Addressed to brand B on P, way 1: a reply to a post of an account of B (in_reply_to_account_id).
      via_reply AS (
        SELECT p.platform, p.post_id, a.brand, p.created_at
        FROM public_posts p
        JOIN (SELECT DISTINCT platform, account_id, brand FROM accounts WHERE account_id IS NOT NULL) a
          ON p.platform = a.platform AND p.in_reply_to_account_id = a.account_id
      ),
      -- Way 2: a mention of a handle of B, case-insensitive. Ingest extracted the mentions as whole tokens
      -- (not part of a longer handle or of an e-mail address), without the '@'. DuckDB's lower() maps code point
      -- by code point; Spark's is Java's String.toLowerCase, which differs only for U+0130 (İ -> "i" + U+0307)
      -- and the Greek final sigma (Σ -> ς at the end of a word): handles with those letters may match differently.
      via_mention AS (
        SELECT p.platform, p.post_id, h.brand, p.created_at
        FROM (SELECT platform, post_id, created_at, unnest(mentions) AS mention FROM public_posts) p
        JOIN (SELECT DISTINCT platform, lower(handle) AS handle, brand FROM accounts WHERE handle IS NOT NULL) h
          ON p.platform = h.platform AND lower(p.mention) = h.handle
      ),
      -- One row per (inbound post, brand addressed): a post addressing two brands counts once for each, a post
      -- that both replies to and mentions the same brand once (UNION removes duplicates).
      inbound AS (
        SELECT platform, post_id, brand, created_at FROM via_reply
        UNION
        SELECT platform, post_id, brand, created_at FROM via_mention
      ),
      -- Replies posted by brand accounts.
      brand_replies AS (
        SELECT platform, in_reply_to_post_id AS parent, brand, created_at AS replied_at
        FROM posts
        WHERE brand IS NOT NULL AND in_reply_to_post_id IS NOT NULL
      ),
      -- Answered: B replied to the post on the same platform, at or after it and at most H later (inclusive,
      -- compared in whole microseconds). The first response is the earliest such reply.
      first_reply AS (
        SELECT i.platform, i.post_id, i.brand, min(r.replied_at) AS first_reply_at
        FROM inbound i
        JOIN brand_replies r
          ON r.platform = i.platform AND r.parent = i.post_id AND r.brand = i.brand
         AND r.replied_at >= i.created_at
         AND epoch_us(r.replied_at) - epoch_us(i.created_at) <= {horizon_us}
        GROUP BY i.platform, i.post_id, i.brand
      ),
      -- First-response time in microseconds, NULL when unanswered.
      responses AS (
        SELECT i.brand, i.platform, epoch_us(f.first_reply_at) - epoch_us(i.created_at) AS rt_us
        FROM inbound i
        LEFT JOIN first_reply f USING (platform, post_id, brand)
      ),
      -- Per brand x platform, and per brand over all platforms (platform 'all'). quantile_cont interpolates
      -- linearly between closest ranks, as Spark's percentile does; the mean is the exact sum of whole
      -- microseconds divided by the count, as in Spark. Aggregates ignore the NULLs of unanswered posts.
      stats AS (
        SELECT brand,
               CASE WHEN grouping(platform) = 1 THEN 'all' ELSE platform END AS platform,
               count(*) AS inbound,
               count(rt_us) AS answered,
               quantile_cont(rt_us, 0.5) / 1e6 AS rt_median_s,
               CAST(sum(rt_us) AS DOUBLE) / 1e6 / count(rt_us) AS rt_mean_s,
               quantile_cont(rt_us, 0.9) / 1e6 AS rt_p90_s
        FROM responses
        GROUP BY GROUPING SETS ((brand, platform), (brand))
      ),
      -- Every brand x platform of the accounts table and every brand's 'all' row, even with no inbound post.
      table_keys AS (
        SELECT DISTINCT brand, platform FROM accounts
        UNION
        SELECT DISTINCT brand, 'all' FROM accounts
      )
      SELECT k.brand, k.platform, coalesce(s.inbound, 0) AS inbound, coalesce(s.answered, 0) AS answered,
             s.rt_median_s, s.rt_mean_s, s.rt_p90_s
      FROM table_keys k
      LEFT JOIN stats s USING (brand, platform)
      -- brand, then its 'all' row, then its platforms (the order of responsiveness.csv)
      ORDER BY k.brand, k.platform <> 'all', k.platform
      """;

  /**
   * The responsiveness table of a finished run, ordered by brand, then its {@code all} row, then its platforms.
   *
   * @param outputRoot the run's output folder: a local path, or a {@code file:} URI
   * @param horizonSeconds the horizon H (SPEC §3.1), inclusive
   */
  public static List<Row> compute(String outputRoot, long horizonSeconds) {
    if (!available()) throw new IllegalStateException("DuckDB (" + DRIVER + ") is not on the classpath");
    Path root = localPath(outputRoot);
    Path accounts = root.resolve("metrics").resolve("brand_accounts.csv");
    if (!Files.isRegularFile(accounts)) throw new IllegalArgumentException("no " + accounts);
    String archive = hasParquet(root.resolve("archive"))
        ? "read_parquet(" + literal(root.resolve("archive") + "/*/*.parquet")
            + ", hive_partitioning = true, hive_types = {'platform': VARCHAR}, union_by_name = true)"
        : EMPTY_ARCHIVE;
    String sql = QUERY.replace("{archive}", archive)
        .replace("{accounts_csv}", literal(accounts.toString()))
        .replace("{horizon_us}", Long.toString(Math.multiplyExact(horizonSeconds, 1_000_000L)));

    List<Row> rows = new ArrayList<>();
    // an in-memory database, gone when the connection closes: its settings are temporary too
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), real(rs.getObject(5)),
              real(rs.getObject(6)), real(rs.getObject(7))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB responsiveness failed on " + root + ": " + e.getMessage(), e);
    }
    return rows;
  }

  private static Double real(Object v) {
    return v == null ? null : ((Number) v).doubleValue();
  }

  private static Path localPath(String outputRoot) {
    if (outputRoot.startsWith("file:")) return Path.of(URI.create(outputRoot));
    if (outputRoot.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
      throw new IllegalArgumentException("DuckDB reads local output folders only, not " + outputRoot);
    }
    return Path.of(outputRoot).toAbsolutePath().normalize();
  }

  /** Whether {@code archive/platform=.../} holds at least one Parquet file (what the glob matches). */
  private static boolean hasParquet(Path archive) {
    if (!Files.isDirectory(archive)) return false;
    try (Stream<Path> dirs = Files.list(archive)) {
      return dirs.filter(Files::isDirectory).anyMatch(d -> {
        try (Stream<Path> files = Files.list(d)) {
          return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A SQL string literal. */
  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
