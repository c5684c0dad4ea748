package io.megaphone.ingest.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.json.Json;
import io.megaphone.ingest.json.JsonRecordParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;

/**
 * One top-level value of YouTube Data API v3 output: a list response ({@code youtube#videoListResponse},
 * {@code youtube#searchListResponse}, {@code youtube#commentThreadListResponse}, {@code youtube#commentListResponse}),
 * one resource of those kinds, or an array of either. Every item is one record: a video, a search result that is a
 * video, or a comment (a comment thread gives its top-level comment and each of its replies).
 *
 * <p>Replies: a top-level comment replies to its video ({@code snippet.videoId}) and to the channel that owns it
 * ({@code snippet.channelId} of the thread, which the API documents as the channel the thread's comments are
 * about). A reply replies to {@code snippet.parentId}; its author is taken from the same thread when the parent is
 * there, else left to ingest, which looks the parent up in the archive.
 */
final class YoutubeParser implements JsonRecordParser {
  static final String FORMAT = "youtube";
  private static final String PLATFORM = "youtube";
  private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  /**
   * A YouTube handle: letters, digits, '_', '-' and '.', not ending with '-' or '.' (end of a sentence), not preceded
   * by a handle character or '@' (so e-mail addresses are no mentions).
   */
  private static final Pattern HANDLE =
      Pattern.compile("(?<![\\p{L}\\p{N}_@.-])@([\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])?)");

  @Override
  public void parse(JsonNode value, RecordPosition pos, String raw, IngestOptions options, Consumer<Row> out) {
    new Reader(pos, options, out).value(value, "$", raw);
  }

  /** Emits the records of one top-level value, numbering them so that their ordinals stay sortable. */
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
        quarantine(path, "not a YouTube API response or resource: " + v.getNodeType().toString().toLowerCase(),
            raw != null ? raw : v.toString(), null);
        return;
      }
      String kind = Json.text(v, "kind");
      if (kind == null) kind = guessKind(v);
      switch (kind) {
        case "youtube#videoListResponse", "youtube#searchListResponse", "youtube#commentThreadListResponse",
            "youtube#commentListResponse", "list" -> items(v, path, raw);
        case "youtube#video" -> out.accept(video(v, at(path), false));
        case "youtube#searchResult" -> searchResult(v, path);
        case "youtube#commentThread" -> thread(v, path);
        case "youtube#comment" -> out.accept(comment(v, at(path), null, null, null, Map.of()));
        case "error" -> quarantine(path, "API error response: " + oneLine(errorMessage(v)), raw != null ? raw
            : v.toString(), null);
        default -> quarantine(path, kind.equals("?")
                ? "not a videos, search, commentThreads or comments resource or list response"
                : "kind " + kind + " is not a videos, search, commentThreads or comments resource or list response",
            raw != null ? raw : v.toString(), Json.text(v, "id"));
      }
    }

    /** Output saved without "kind" (some tools drop it): recognised by shape. */
    private static String guessKind(JsonNode v) {
      if (v.has("error") && !v.has("items")) return "error";
      if (v.path("items").isArray()) return "list";
      JsonNode s = v.path("snippet");
      if (s.has("topLevelComment")) return "youtube#commentThread";
      if (s.has("textOriginal") || s.has("textDisplay")) return "youtube#comment";
      if (v.path("id").isObject() && v.path("id").has("videoId")) return "youtube#searchResult";
      if (s.has("title") || s.has("publishedAt")) return "youtube#video";
      return "?";
    }

    private static String errorMessage(JsonNode v) {
      JsonNode e = v.get("error");
      if (e != null && e.isObject()) {
        String m = Json.text(e, "message");
        String code = Json.text(e, "code");
        return (code == null ? "" : code + " ") + (m == null ? "" : m);
      }
      return e == null ? "" : e.asText();
    }

    void items(JsonNode response, String path, String raw) {
      JsonNode items = response.get("items");
      if (items == null || items.isNull()) {
        // a response with no "items" key: an empty page (the API omits nothing else) holds no record
        return;
      }
      if (!items.isArray()) {
        quarantine(path, "\"items\" is not an array", raw != null ? raw : response.toString(), null);
        return;
      }
      for (int i = 0; i < items.size(); i++) value(items.get(i), path + ".items[" + i + "]", null);
    }

    void searchResult(JsonNode r, String path) {
      JsonNode id = r.path("id");
      String idKind = Json.text(id, "kind");
      if (idKind != null && !idKind.equals("youtube#video")) {
        quarantine(path, "search result of kind " + idKind + " is not a video", r.toString(),
            Json.text(id, idKind.equals("youtube#channel") ? "channelId" : "playlistId"));
        return;
      }
      out.accept(video(r, at(path), true));
    }

    void thread(JsonNode t, String path) {
      JsonNode snippet = t.path("snippet");
      JsonNode top = snippet.get("topLevelComment");
      if (top == null || !top.isObject()) {
        quarantine(path, "comment thread without snippet.topLevelComment", t.toString(), Json.text(t, "id"));
        return;
      }
      String videoId = Json.text(snippet, "videoId");
      String channelId = Json.text(snippet, "channelId");
      JsonNode replies = t.path("replies").path("comments");
      Map<String, String> authors = new HashMap<>();
      putAuthor(authors, top);
      if (replies.isArray()) for (JsonNode r : replies) putAuthor(authors, r);
      out.accept(comment(top, at(path + ".snippet.topLevelComment"), videoId, channelId,
          Json.count(snippet, "totalReplyCount"), authors));
      if (replies.isArray()) {
        String topId = Json.text(top, "id");
        for (int i = 0; i < replies.size(); i++) {
          JsonNode r = replies.get(i);
          RecordPosition pos = at(path + ".replies.comments[" + i + "]");
          if (!r.isObject()) {
            out.accept(PostRecord.quarantined(FORMAT, pos, QuarantineReason.UNPARSEABLE, "reply is not a JSON object",
                r.toString(), PLATFORM, null));
            continue;
          }
          // the API lists replies to the top-level comment; a missing parentId means that one
          String parent = Json.path(r, "snippet", "parentId");
          out.accept(comment(r, pos, videoId, channelId, null, authors, parent != null ? parent : topId));
        }
      }
    }

    private static void putAuthor(Map<String, String> authors, JsonNode c) {
      String id = Json.text(c, "id");
      String author = Json.path(c, "snippet", "authorChannelId", "value");
      if (id != null && author != null) authors.put(id, author);
    }

    Row comment(JsonNode c, RecordPosition pos, String threadVideoId, String threadChannelId, Long replyCount,
        Map<String, String> authors) {
      return comment(c, pos, threadVideoId, threadChannelId, replyCount, authors, null);
    }

    /**
     * A comment. With {@code parentOverride} (a reply inside a thread) or its own {@code snippet.parentId} it replies
     * to that comment; otherwise to its video, whose channel is the thread's (or the comment's) {@code channelId}.
     */
    Row comment(JsonNode c, RecordPosition pos, String threadVideoId, String threadChannelId, Long replyCount,
        Map<String, String> authors, String parentOverride) {
      PostRecord p = new PostRecord(FORMAT, pos, c);
      p.platform = PLATFORM;
      if (!c.isObject()) return p.quarantine(QuarantineReason.UNPARSEABLE, "comment is not a JSON object");
      JsonNode s = c.path("snippet");
      p.postId = Json.text(c, "id");
      p.accountId = Json.path(s, "authorChannelId", "value");
      p.accountHandle = handle(Json.text(s, "authorDisplayName"));
      p.createdAtRaw = Json.text(s, "publishedAt");
      p.text = commentText(s);
      p.mentions = mentions(p.text);
      String videoId = threadVideoId != null ? threadVideoId : Json.text(s, "videoId");
      String channelId = threadChannelId != null ? threadChannelId : Json.text(s, "channelId");
      String parent = parentOverride != null ? parentOverride : Json.text(s, "parentId");
      if (parent != null) {
        p.inReplyToPostId = parent;
        p.inReplyToAccountId = authors.get(parent);
      } else if (videoId != null) {
        p.inReplyToPostId = videoId;
        p.inReplyToAccountId = channelId;
      }
      p.conversationId = videoId;
      p.likes = Json.count(s, "likeCount");
      p.replies = replyCount;
      return p.toRow(options);
    }

    /** A video (videos.list) or a video search result (search.list, whose title and description are HTML-escaped). */
    Row video(JsonNode v, RecordPosition pos, boolean searchResult) {
      PostRecord p = new PostRecord(FORMAT, pos, v);
      p.platform = PLATFORM;
      JsonNode s = v.path("snippet");
      JsonNode id = v.get("id");
      p.postId = id == null ? null : id.isObject() ? Json.text(id, "videoId") : Json.text(v, "id");
      p.accountId = Json.text(s, "channelId");
      p.accountHandle = Json.text(s, "channelTitle");
      p.createdAtRaw = Json.text(s, "publishedAt");
      String title = Json.text(s, "title");
      String description = Json.text(s, "description");
      // search results escape HTML in titles; PostRecord decodes entities once, for every format
      p.text = join(title, description);
      p.mentions = mentions(p.text);
      p.lang = Json.text(s, "defaultLanguage");
      if (p.lang == null) p.lang = Json.text(s, "defaultAudioLanguage");
      p.conversationId = p.postId;
      JsonNode st = v.get("statistics");
      if (st != null && st.isObject()) {
        p.views = Json.count(st, "viewCount");
        p.likes = Json.count(st, "likeCount");
        p.replies = Json.count(st, "commentCount");
      }
      return p.toRow(options);
    }

    void quarantine(String path, String detail, String raw, String postId) {
      out.accept(PostRecord.quarantined(FORMAT, at(path), QuarantineReason.UNPARSEABLE, detail, raw, PLATFORM, postId));
    }
  }

  /** Title, a blank line, description; either alone when the other is empty. */
  static String join(String title, String description) {
    boolean t = title != null && !title.isEmpty();
    boolean d = description != null && !description.isEmpty();
    if (t && d) return title + "\n\n" + description;
    return t ? title : d ? description : "";
  }

  /** {@code textOriginal} as written; else {@code textDisplay}, whose HTML (line breaks, links, entities) is undone. */
  static String commentText(JsonNode snippet) {
    String original = Json.text(snippet, "textOriginal");
    if (original != null) return original;
    String display = Json.text(snippet, "textDisplay");
    if (display == null) return "";
    String s = BR.matcher(display).replaceAll("\n");
    return TAG.matcher(s).replaceAll(""); // entities are decoded by PostRecord
  }

  /** The @handles in a text, in order, once each; YouTube handles may hold '-' and '.'. */
  static List<String> mentions(String text) {
    if (text == null || text.isEmpty()) return List.of();
    LinkedHashSet<String> found = new LinkedHashSet<>();
    Matcher m = HANDLE.matcher(text);
    while (m.find()) found.add(m.group(1));
    return new ArrayList<>(found);
  }

  /** A display name "@handle" (YouTube handles) is the handle; other display names are kept as they are. */
  static String handle(String displayName) {
    if (displayName == null) return null;
    String s = displayName.trim();
    return s.length() > 1 && s.charAt(0) == '@' ? s.substring(1) : s;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
