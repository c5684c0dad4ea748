package io.megaphone.ingest.facebook;

import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.Timestamps;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Meta's Graph API writes times as ISO-8601 with an offset without a colon ({@code 2017-07-14T14:30:59+0000}),
 * which {@link Timestamps#parse} does not take as it is: the colon is put in before parsing. A time that still
 * does not parse is left as raw text, so that {@link PostRecord#toRow} quarantines it with the raw value.
 */
public final class GraphTime {
  private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");

  private GraphTime() {}

  public static void set(PostRecord p, String raw, ZoneId zone) {
    p.createdAtRaw = raw;
    if (raw == null || raw.isBlank()) return;
    try {
      String s = raw.trim();
      if (s.indexOf('T') > 0) s = COMPACT_OFFSET.matcher(s).replaceFirst("$1:$2");
      p.createdAt = Timestamps.parse(s, zone);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      // left to toRow, which quarantines it as invalid_timestamp with the raw text
    }
  }
}
