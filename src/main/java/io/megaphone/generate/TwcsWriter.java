package io.megaphone.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The Kaggle "Customer Support on Twitter" layout: brands' authors are their handles and {@code inbound}
 * is False for them; the public are numeric ids. Replies are linked both ways, as in the original.
 */
final class TwcsWriter implements PostWriter {
  static final String[] HEADER = {"tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id",
      "in_response_to_tweet_id"};
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private final CSVPrinter csv;

  TwcsWriter(OutputStream out) throws IOException {
    csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(HEADER).get());
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    Map<SyntheticPost, List<String>> responses = new HashMap<>();
    for (SyntheticPost p : block) {
      if (p.parent != null) responses.computeIfAbsent(p.parent, k -> new ArrayList<>()).add(Long.toString(p.id));
    }
    for (SyntheticPost p : block) {
      csv.printRecord(p.id, p.accountId(), p.byBrand() ? "False" : "True", DATE.format(Instant.ofEpochSecond(p.createdAt)),
          p.text.text(), String.join(",", responses.getOrDefault(p, List.of())),
          p.parent == null ? "" : Long.toString(p.parent.id));
    }
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
