package io.megaphone.ingest.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.TextEntities;
import io.megaphone.ingest.Timestamps;
import io.megaphone.ingest.json.Json;
import io.megaphone.ingest.json.JsonRecordParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;

/**
 * One top-level value of a Reddit dump: a submission or a comment object as Pushshift and Arctic Shift write them
 * (one per line), an array of them, or Reddit's own JSON ({@code Listing} pages of {@code t3}/{@code t1} things,
 * comments with nested {@code replies}).
 *
 * <p>Submissions: text is {@code title}, a blank line and {@code selftext} (the title alone when the selftext is empty,
 * "[removed]" or "[deleted]"); a link post ({@code is_self} false) has its {@code url} first in urls; a crosspost
 * ({@code crosspost_parent}) is a repost of that submission. Comments reply to {@code parent_id} and belong to the
 * conversation {@code link_id}, both without their {@code t1_}/{@code t3_} prefix; the author replied to is not in
 * the dump and is looked up in the archive by ingest. Authors: {@code author_fullname} ({@code t2_…}) is the account
 * id, the user name where a dump predates it; "[deleted]" authors have no account. Mentions are {@code u/name} and
 * {@code /u/name}. Reddit escapes {@code &}, {@code <} and {@code >} in texts as HTML entities; they are undone.
 */
final class RedditParser implements JsonRecordParser {
  static final String FORMAT = "reddit";
  private static final String PLATFORM = "reddit";
  private static final Pattern PREFIX = Pattern.compile("^t\\d_");
  /** u/name or /u/name as a token of its own (not inside a URL or a word). */
  private static final Pattern USER_MENTION =
      Pattern.compile("(?<![\\p{L}\\p{N}_/.:-])/?u/([A-Za-z0-9_-]+)(?![A-Za-z0-9_-])");

  @Override
  public void parse(JsonNode value, RecordPosition pos, String raw, IngestOptions options, Consumer<Row> out) {
    new Reader(pos, options, out).value(value, "$", raw);
  }

  private static final class Reader {
    final RecordPosition base;
    final IngestOptions options;
    final Consumer<Row> out;
    long next;

    Reader(RecordPosition base, IngestOptions options, Consumer<Row> out) {
      this.base = base;
      this.options = options;
      this.out = out;
    }

    RecordPosition at(String path) {
      long index = next++;
      return path.equals("$") ? base : base.element(path, index);
    }

    void value(JsonNode v, String path, String raw) {
      if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) value(v.get(i), path + "[" + i + "]", null);
        return;
      }
      if (!v.isObject()) {
        quarantine(path, "not a Reddit submission or comment: " + v.getNodeType().toString().toLowerCase(),
            raw != null ? raw : v.toString());
        return;
      }
      String kind = Json.text(v, "kind");
      JsonNode data = v.get("data");
      if ("Listing".equals(kind) && data != null && data.isObject()) {
        JsonNode children = data.path("children");
        for (int i = 0; i < children.size(); i++) {
          value(children.get(i), path + ".data.children[" + i + "]", null);
        }
      } else if (("t1".equals(kind) || "t3".equals(kind)) && data != null && data.isObject()) {
        thing(data, path + ".data", kind);
      } else if ("more".equals(kind)) {
        // a "load more comments" stub of Reddit's own JSON: ids to fetch, no post
      } else {
        thing(v, path, null);
      }
    }

    void thing(JsonNode o, String path, String kind) {
      String name = Json.text(o, "name");
      if (kind == null && name != null && name.length() > 3 && PREFIX.matcher(name).find()) kind = name.substring(0, 2);
      if (kind == null) {
        if (o.has("parent_id") || o.has("body")) kind = "t1";
        else if (o.has("title") || o.has("selftext")) kind = "t3";
      }
      if ("t3".equals(kind)) {
        out.accept(submission(o, at(path)));
      } else if ("t1".equals(kind)) {
        out.accept(comment(o, at(path)));
        JsonNode replies = o.get("replies");
        if (replies != null && replies.isObject()) value(replies, path + ".replies", null);
      } else {
        quarantine(path, "neither a submission (title, selftext) nor a comment (body, parent_id)", o.toString());
      }
    }

    Row submission(JsonNode o, RecordPosition pos) {
      PostRecord p = common(o, pos);
      String title = Json.text(o, "title");
      String selftext = Json.text(o, "selftext");
      p.text = submissionText(title, selftext);
      p.mentions = userMentions(p.text);
      String url = Json.text(o, "url");
      if (url != null) url = url.replace("&amp;", "&");
      String crossposted = Json.text(o, "crosspost_parent");
      JsonNode isSelf = o.get("is_self");
      boolean link = isSelf != null && isSelf.isBoolean() ? !isSelf.asBoolean()
          : url != null && !url.isEmpty() && !isOwnPage(url, Json.text(o, "permalink"));
      // a crosspost's url is the crossposted submission's page: that is repost_of_post_id, not a link
      if (link && url != null && url.startsWith("http") && (crossposted == null || crossposted.isEmpty())) {
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        urls.add(url);
        urls.addAll(TextEntities.urls(p.text));
        p.urls = new ArrayList<>(urls);
      }
      p.conversationId = p.postId;
      p.replies = Json.count(o, "num_comments");
      if (crossposted != null && !crossposted.isEmpty()) {
        p.isRepost = true;
        p.repostOfPostId = stripPrefix(crossposted);
      }
      return p.toRow(options);
    }

    Row comment(JsonNode o, RecordPosition pos) {
      PostRecord p = common(o, pos);
      String body = Json.text(o, "body");
      p.text = removed(body) ? "" : body;
      p.mentions = userMentions(p.text);
      p.inReplyToPostId = stripPrefix(Json.text(o, "parent_id"));
      p.conversationId = stripPrefix(Json.text(o, "link_id"));
      return p.toRow(options);
    }

    /** Id, author, time, score and mentions, which submissions and comments share. */
    PostRecord common(JsonNode o, RecordPosition pos) {
      PostRecord p = new PostRecord(FORMAT, pos, o);
      p.platform = PLATFORM;
      p.postId = Json.text(o, "id");
      if (p.postId == null) p.postId = stripPrefix(Json.text(o, "name"));
      String author = Json.text(o, "author");
      if (author != null && !author.isEmpty() && !author.equals("[deleted]")) {
        p.accountHandle = author;
        String fullname = Json.text(o, "author_fullname");
        p.accountId = fullname != null && !fullname.isEmpty() ? fullname : author;
      }
      JsonNode created = o.get("created_utc");
      if (created != null && created.isNumber()) p.createdAt = Timestamps.epochNumber(created.asDouble());
      else p.createdAtRaw = Json.text(o, "created_utc");
      p.likes = Json.count(o, "score");
      return p;
    }

    void quarantine(String path, String detail, String raw) {
      out.accept(PostRecord.quarantined(FORMAT, at(path), QuarantineReason.UNPARSEABLE, detail, raw, PLATFORM, null));
    }
  }

  static String submissionText(String title, String selftext) {
    String t = title == null ? "" : title;
    if (selftext == null || selftext.isEmpty() || removed(selftext)) return t;
    return t.isEmpty() ? selftext : t + "\n\n" + selftext;
  }

  private static boolean removed(String s) {
    return s == null || s.equals("[removed]") || s.equals("[deleted]");
  }

  /** A self post's url is its own page on reddit.com. */
  private static boolean isOwnPage(String url, String permalink) {
    return permalink != null && !permalink.isEmpty() && url.endsWith(permalink);
  }

  /** "t1_abc" → "abc"; ids without a prefix are kept. */
  static String stripPrefix(String fullname) {
    if (fullname == null) return null;
    Matcher m = PREFIX.matcher(fullname);
    return m.find() ? fullname.substring(m.end()) : fullname;
  }

  /** The user names mentioned as u/name or /u/name, in order, once each. */
  static List<String> userMentions(String text) {
    if (text == null || text.isEmpty()) return List.of();
    LinkedHashSet<String> found = new LinkedHashSet<>();
    Matcher m = USER_MENTION.matcher(text);
    while (m.find()) found.add(m.group(1));
    return new ArrayList<>(found);
  }
}
