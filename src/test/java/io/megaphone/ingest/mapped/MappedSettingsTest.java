package io.megaphone.ingest.mapped;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.testing.Cli;
import io.megaphone.testing.Cli.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapped input's settings are checked before Spark starts: each mistake is exit code 2 and one exact line
 * naming the input and the problem.
 */
class MappedSettingsTest {
  private static final String VALID = """
      platform: youtube
      mapping:
        post_id: videoId
        created_at: publishedAt
        text: title
      """;

  @TempDir Path tmp;
  Path data;
  String input;

  @BeforeEach
  void dataFile() throws IOException {
    data = tmp.resolve("videos.csv");
    Files.writeString(data, "videoId,publishedAt,title\n");
    input = "input mapped=" + data + ": ";
  }

  /** Runs ingest on a job whose one mapped input has these settings (YAML, indented as under the input). */
  private Outcome ingest(String settings) throws IOException {
    StringBuilder job = new StringBuilder("inputs:\n  - format: mapped\n    path: videos.csv\n");
    for (String line : settings.split("\n")) job.append("    ").append(line).append('\n');
    Path file = tmp.resolve("job.yaml");
    Files.writeString(file, job.toString());
    return Cli.execute("ingest", "--job", file.toString(), "--out", tmp.resolve("out").toString());
  }

  private String error(String settings) throws IOException {
    Outcome o = ingest(settings);
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).startsWith("megaphone ingest: ").endsWith(System.lineSeparator());
    assertThat(o.err().strip()).doesNotContain("\n");
    return o.err().substring("megaphone ingest: ".length()).strip();
  }

  @Test
  void unknownSettingNamesTheKnownOnes() throws IOException {
    assertThat(error("separater: ';'\n" + VALID)).isEqualTo(input + "unknown setting 'separater' for format mapped"
        + " (known: encoding, mapping, platform, platform_column, quote, records, separator, timestamp_format,"
        + " timezone, type)");
  }

  @Test
  void mappingIsRequiredAndMustBeAMap() throws IOException {
    assertThat(error("platform: youtube")).isEqualTo(input + "no mapping: give 'mapping:' with at least post_id,"
        + " created_at, text");
    assertThat(error("platform: youtube\nmapping: videoId")).isEqualTo(input + "mapping must map canonical fields"
        + " to columns, e.g. 'post_id: id'");
  }

  @Test
  void unknownCanonicalField() throws IOException {
    assertThat(error(VALID + "  favourites: likeCount")).isEqualTo(input + "mapping: unknown canonical field"
        + " 'favourites' (fields: post_id, account_id, account_handle, brand, created_at, text, lang,"
        + " in_reply_to_post_id, in_reply_to_account_id, conversation_id, is_repost, repost_of_post_id,"
        + " quote_of_post_id, urls, hashtags, mentions, likes, shares, replies, views)");
  }

  @Test
  void requiredFieldsMustBeMapped() throws IOException {
    assertThat(error("platform: youtube\nmapping:\n  post_id: videoId\n  text: title"))
        .isEqualTo(input + "mapping lacks created_at (required: post_id, created_at, text)");
    assertThat(error("platform: youtube\nmapping:\n  account_id: channelId"))
        .isEqualTo(input + "mapping lacks post_id, created_at, text (required: post_id, created_at, text)");
  }

  @Test
  void badTimestampPatterns() throws IOException {
    assertThat(error("timestamp_format: yyyy-MM-dd bb\n" + VALID)).isEqualTo(input + "timestamp_format"
        + " 'yyyy-MM-dd bb' is not a java.time pattern (Unknown pattern letter: b)");
    assertThat(error("timestamp_format: HH:mm\n" + VALID)).isEqualTo(input + "timestamp_format 'HH:mm': it does not"
        + " give a date (it needs at least year, month and day)");
    // week-based year instead of year: a classic slip, caught before any record is read
    assertThat(error("timestamp_format: YYYY-MM-dd HH:mm\n" + VALID)).isEqualTo(input + "timestamp_format"
        + " 'YYYY-MM-dd HH:mm': it does not give a date (it needs at least year, month and day)");
  }

  @Test
  void platformIsAConstantOrAColumn() throws IOException {
    String mapping = "mapping:\n  post_id: videoId\n  created_at: publishedAt\n  text: title";
    assertThat(error(mapping)).isEqualTo(input + "no platform: give 'platform: NAME' (e.g. youtube) or"
        + " 'platform_column: COLUMN'");
    assertThat(error("platform: youtube\nplatform_column: network\n" + mapping)).isEqualTo(input + "give either"
        + " 'platform' (a constant) or 'platform_column' (a column), not both");
    assertThat(error("platform: myspace\n" + mapping)).isEqualTo(input + "platform 'myspace' is not a known platform"
        + " (known: blog, bluesky, facebook, forum, instagram, linkedin, mastodon, news, reddit, threads, tiktok,"
        + " twitter, youtube)");
    assertThat(error(VALID + "  platform: network")).isEqualTo(input + "mapping.platform: set the platform with"
        + " 'platform: NAME' (a constant) or 'platform_column: COLUMN' beside 'mapping', not inside it");
  }

  @Test
  void fieldSourcesOfTheWrongShape() throws IOException {
    assertThat(error(VALID + "  likes: [likeCount, favoriteCount]")).isEqualTo(input + "mapping.likes: a list of"
        + " columns is for text (joined) and urls, hashtags, mentions (gathered); for a fallback write"
        + " {first_of: [...]}");
    assertThat(error(VALID.replace("text: title", "text: {frist_of: [title, description]}"))).isEqualTo(input
        + "mapping.text: unknown key 'frist_of' (known: column, first_of, join, split, value, with)");
    assertThat(error(VALID.replace("text: title", "text: {column: title, value: x}"))).isEqualTo(input
        + "mapping.text: give exactly one of column, first_of, join, value (got column, value)");
    assertThat(error(VALID.replace("post_id: videoId", "post_id: {value: 1}"))).isEqualTo(input
        + "mapping.post_id: a constant post_id would make every record the same post");
    assertThat(error(VALID + "  likes: {value: many}")).isEqualTo(input + "mapping.likes: value 'many' is not a"
        + " count");
    assertThat(error(VALID + "  is_repost: {value: perhaps}")).isEqualTo(input + "mapping.is_repost: value"
        + " 'perhaps' is not a boolean (true/false, yes/no, 1/0)");
    assertThat(error(VALID + "  lang: {column: l, split: ','}")).isEqualTo(input + "mapping.lang: 'split' is for"
        + " urls, hashtags and mentions");
    assertThat(error(VALID + "  likes: {join: [a, b]}")).isEqualTo(input + "mapping.likes: join is for text,"
        + " brand, lang and list fields; for a fallback write {first_of: [...]}");
    assertThat(error(VALID + "  likes:")).isEqualTo(input + "mapping.likes: no source given (a column, a list of"
        + " columns, or one of {column: C}, {first_of: [C, …]}, {join: [C, …]}, {value: V})");
  }

  @Test
  void fileTypeAndDialect() throws IOException {
    assertThat(error("type: xml\n" + VALID)).isEqualTo(input + "type 'xml' must be csv, tsv or jsonl");
    assertThat(error("type: jsonl\nseparator: ';'\n" + VALID)).isEqualTo(input + "'separator' applies to csv and"
        + " tsv files, not jsonl (JSON is read as UTF-8)");
    assertThat(error("type: csv\nrecords: items\n" + VALID)).isEqualTo(input + "'records' applies to jsonl files,"
        + " not csv");
    assertThat(error("separator: ';;'\n" + VALID)).isEqualTo(input + "separator ';;' must be one character or 'tab'");
    assertThat(error("encoding: klingon\n" + VALID)).isEqualTo(input + "encoding 'klingon' is not a known charset"
        + " (e.g. UTF-8, windows-1252, ISO-8859-1, UTF-16)");
    assertThat(error("timezone: Mars/Olympus\n" + VALID)).isEqualTo(input + "timezone 'Mars/Olympus' is not a time"
        + " zone (e.g. UTC, Europe/Paris, +02:00)");
  }

  @Test
  void onTheCommandLineTheFormatAsksForAJobFile() {
    Outcome o = Cli.execute("ingest", "--input", "mapped=" + data, "--out", tmp.resolve("out").toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).isEqualTo("megaphone ingest: " + input + "the mapped format reads its mapping from a job"
        + " file: list the input under 'inputs:' with 'platform' and 'mapping' (see the README, format mapped)"
        + System.lineSeparator());
  }
}
