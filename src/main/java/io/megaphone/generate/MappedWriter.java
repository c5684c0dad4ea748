package io.megaphone.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A home-made spreadsheet export for the {@code mapped} format: ';'-separated, French-style column names,
 * day-first dates without a zone, the platform in a column, reposts as "oui"/"non". The job file written next to
 * it ({@link #MAPPING}) says how to read it, as a researcher would for their own CSV.
 */
final class MappedWriter implements PostWriter {
  static final String[] HEADER = {"identifiant", "reseau", "compte", "nom_compte", "date", "message", "langue",
      "reponse_a", "reponse_a_compte", "partage", "partage_de", "jaime", "partages", "commentaires"};
  static final String TIMESTAMP_PATTERN = "dd/MM/yyyy HH:mm:ss";
  /** The input block of the generated job.yaml (indented for the {@code inputs:} list). */
  static final String MAPPING = """
          separator: ";"
          platform_column: reseau
          timestamp_format: "%s"
          timezone: UTC
          mapping:
            post_id: identifiant
            account_id: compte
            account_handle: nom_compte
            created_at: date
            text: message
            lang: langue
            in_reply_to_post_id: reponse_a
            in_reply_to_account_id: reponse_a_compte
            is_repost: partage
            repost_of_post_id: partage_de
            likes: jaime
            shares: partages
            replies: commentaires
      """.formatted(TIMESTAMP_PATTERN);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN, Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private final CSVPrinter csv;

  MappedWriter(OutputStream out) throws IOException {
    csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator('\n').setHeader(HEADER).get());
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    for (SyntheticPost p : block) {
      csv.printRecord(p.id, p.platform, p.accountId(), p.handle(), DATE.format(Instant.ofEpochSecond(p.createdAt)),
          p.text.text(), p.lang, p.parent == null ? "" : Long.toString(p.parent.id),
          p.parent == null ? "" : p.parent.accountId(), p.repostOf != null ? "oui" : "non",
          p.repostOf == null ? "" : Long.toString(p.repostOf.id), p.likes, p.shares, p.replies);
    }
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
