package io.megaphone.ingest.twcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Column positions of a TWCS file, found by name; unnamed leading columns are pandas index columns. */
final class TwcsHeader {
  static final List<String> REQUIRED = List.of("tweet_id", "author_id", "inbound", "created_at", "text");

  final int size;
  final int tweetId;
  final int authorId;
  final int inbound;
  final int createdAt;
  final int text;
  final int inResponseTo;
  final List<Integer> indexColumns = new ArrayList<>();
  final List<String> missing = new ArrayList<>();

  TwcsHeader(List<String> names) {
    List<String> n = names.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    size = n.size();
    tweetId = n.indexOf("tweet_id");
    authorId = n.indexOf("author_id");
    inbound = n.indexOf("inbound");
    createdAt = n.indexOf("created_at");
    text = n.indexOf("text");
    inResponseTo = n.indexOf("in_response_to_tweet_id");
    for (String r : REQUIRED) if (!n.contains(r)) missing.add(r);
    for (int i = 0; i < n.size() && i < Math.max(tweetId, 0); i++) if (n.get(i).isEmpty()) indexColumns.add(i);
  }

  boolean usable() {
    return missing.isEmpty();
  }

  /**
   * Whether a physical line begins a new record: its inbound column holds a boolean and its id and
   * index columns hold numbers (or nothing). Continuation lines of a text broken by a raw newline do not.
   */
  boolean startsRecord(String line) {
    List<String> f = CsvFields.split(line).fields();
    int needed = Math.max(inbound, Math.max(tweetId, authorId));
    if (f.size() <= needed) return false;
    if (!f.get(inbound).trim().matches("(?i)true|false")) return false;
    if (!f.get(tweetId).trim().matches("(\\d+(\\.\\d*)?([eE]\\+?\\d+)?)?")) return false;
    for (int i : indexColumns) if (!f.get(i).trim().matches("\\d*")) return false;
    return true;
  }
}
