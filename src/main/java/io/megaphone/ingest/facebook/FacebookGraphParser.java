package io.megaphone.ingest.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.TextEntities;
import io.megaphone.ingest.json.Json;
import io.megaphone.ingest.json.RecordEmitter;
import io.megaphone.ingest.json.JsonRecordParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/**
 * Graph API Page feed JSON. A top-level value is a response page ({@code {"data": [posts], "paging": ...}}), a
 * node with a feed edge ({@code {"id": PAGE, "feed": {"data": [...]}}}, also {@code posts}, {@code
 * published_posts}, {@code tagged}, {@code visitor_posts}), an array of posts, or one post. Each post is one
 * record, and so is each comment of its {@code comments} edge, at any depth: a comment answers the node it is
 * listed under, or its {@code parent} when it names one (Graph's reply-to-a-reply); its author is then looked up
 * among the post's own thread. A comment object on its own line is read when it names its {@code parent}.
 */
final class FacebookGraphParser implements JsonRecordParser {
  static final String FORMAT = "facebook";
  static final String PLATFORM = "facebook";
  private static final List<String> FEED_EDGES = List.of("feed", "posts", "published_posts", "tagged",
      "visitor_posts");

  /** page id → page name from the {@code pages} setting (handles and brands of known pages); may be empty. */
  private final Map<String, String> pageNames;

  FacebookGraphParser(Map<String, String> pageNames) {
    this.pageNames = pageNames;
  }

  @Override
  public void parse(JsonNode value, RecordPosition pos, String raw, IngestOptions options, Consumer<Row> out) {
    RecordEmitter e = new RecordEmitter(FORMAT, PLATFORM, pos, options, out);
    JsonNode edge = feedEdge(value);
    if (value.isObject() && value.get("data") != null && value.get("data").isArray()) {
      items(e, value.get("data"), "$.data");
    } else if (edge != null) {
      items(e, edge.get("data"), "$." + edgeName(value) + ".data");
    } else if (value.isArray()) {
      items(e, value, "$");
    } else if (value.isObject() && value.has("data") && (value.get("data").isNull()
        || value.get("data").isContainerNode() && value.get("data").isEmpty())) {
      // a response page with no posts holds no record (a text or number in "data" is no empty page: quarantined)
    } else if (value.isObject() && isPostLike(value)) {
      item(e, value, null);
    } else {
      out.accept(PostRecord.quarantined(FORMAT, pos, QuarantineReason.UNPARSEABLE,
          "not a Graph API post, comment or response page {data: [...]}", raw != null ? raw : value.toString(),
          PLATFORM, null));
    }
  }

  private static JsonNode feedEdge(JsonNode v) {
    String name = edgeName(v);
    return name == null ? null : v.get(name);
  }

  private static String edgeName(JsonNode v) {
    if (!v.isObject()) return null;
    for (String n : FEED_EDGES) {
      JsonNode edge = v.get(n);
      if (edge != null && edge.isObject() && edge.get("data") != null && edge.get("data").isArray()) return n;
    }
    return null;
  }

  private static boolean isPostLike(JsonNode v) {
    return v.has("id") || v.has("created_time") || v.has("message") || v.has("from");
  }

  private void items(RecordEmitter e, JsonNode list, String path) {
    for (int i = 0; i < list.size(); i++) item(e, list.get(i), path + "[" + i + "]");
  }

  /** A post (and its thread), or a reply comment standing on its own. {@code path} null: the value itself. */
  private void item(RecordEmitter e, JsonNode node, String path) {
    if (!node.isObject()) {
      e.quarantine(path, node, "post is not a JSON object");
      return;
    }
    Map<String, String> authors = new HashMap<>();
    collectAuthors(node, authors, 0);
    if (node.get("parent") != null && node.get("parent").isObject()) {
      // a comment reply read on its own: it answers its parent; the thread root is unknown
      e.out.accept(comment(e, node, path, null, null, null, authors));
      comments(e, node, path, null, authors);
      return;
    }
    String postId = Json.text(node, "id");
    e.out.accept(post(e, node, path));
    comments(e, node, path, postId, authors);
  }

  /** Comments listed under {@code parentNode}, then their own replies, depth first. */
  private void comments(RecordEmitter e, JsonNode parentNode, String parentPath, String rootId,
      Map<String, String> authors) {
    JsonNode list = commentList(parentNode);
    if (list == null) return;
    String parentId = Json.text(parentNode, "id");
    String parentAuthor = Json.path(parentNode, "from", "id");
    String base = (parentPath == null ? "$" : parentPath) + ".comments.data";
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      String path = base + "[" + i + "]";
      if (!c.isObject()) {
        e.quarantine(path, c, "comment is not a JSON object");
        continue;
      }
      e.out.accept(comment(e, c, path, parentId, parentAuthor, rootId, authors));
      comments(e, c, path, rootId, authors);
    }
  }

  private static JsonNode commentList(JsonNode node) {
    JsonNode c = node.get("comments");
    if (c == null) return null;
    if (c.isArray()) return c;
    JsonNode data = c.get("data");
    return data != null && data.isArray() ? data : null;
  }

  /** id → author id of every node of a thread (the post and its comments at any depth). */
  private static void collectAuthors(JsonNode node, Map<String, String> authors, int depth) {
    if (!node.isObject() || depth > 100) return;
    String id = Json.text(node, "id");
    String author = Json.path(node, "from", "id");
    if (id != null && author != null) authors.putIfAbsent(id, author);
    JsonNode list = commentList(node);
    if (list != null) for (JsonNode c : list) collectAuthors(c, authors, depth + 1);
  }

  private Row post(RecordEmitter e, JsonNode n, String path) {
    PostRecord p = e.record(n, path);
    author(p, n);
    GraphTime.set(p, Json.text(n, "created_time"), e.options.zone());
    String text = nonBlank(Json.text(n, "message"));
    if (text == null) text = nonBlank(Json.text(n, "description"));
    if (text == null) text = nonBlank(Json.text(n, "story"));
    p.text = text == null ? "" : text;
    p.conversationId = p.postId;
    if ("shared_story".equals(Json.text(n, "status_type")) && Json.text(n, "parent_id") != null) {
      p.isRepost = true;
      p.repostOfPostId = Json.text(n, "parent_id");
    }
    LinkedHashSet<String> urls = new LinkedHashSet<>(TextEntities.urls(p.text));
    String link = Json.text(n, "link");
    if (link != null && !link.isBlank()) urls.add(link.trim());
    JsonNode att = n.path("attachments").path("data");
    if (att.isArray()) {
      for (JsonNode a : att) {
        if (!"share".equals(Json.text(a, "type")) && !"link".equals(Json.text(a, "media_type"))) continue;
        String u = Json.text(a, "unshimmed_url");
        if (u == null) u = Json.text(a, "url");
        if (u != null && !u.isBlank()) urls.add(u);
      }
    }
    p.urls = new ArrayList<>(urls);
    p.likes = likes(n);
    p.shares = Json.count(n.path("shares"), "count");
    p.replies = Json.count(n.path("comments").path("summary"), "total_count");
    if (p.replies == null) p.replies = Json.count(n, "comment_count");
    return p.toRow(e.options);
  }

  private Row comment(RecordEmitter e, JsonNode c, String path, String listedUnderId, String listedUnderAuthor,
      String rootId, Map<String, String> authors) {
    PostRecord p = e.record(c, path);
    author(p, c);
    GraphTime.set(p, Json.text(c, "created_time"), e.options.zone());
    String text = Json.text(c, "message");
    p.text = text == null ? "" : text;
    String parentId = Json.path(c, "parent", "id");
    String parentAuthor = Json.path(c, "parent", "from", "id");
    if (parentId == null) {
      parentId = listedUnderId;
      if (parentAuthor == null) parentAuthor = listedUnderAuthor;
    }
    if (parentAuthor == null && parentId != null) parentAuthor = authors.get(parentId);
    p.inReplyToPostId = parentId;
    p.inReplyToAccountId = parentAuthor;
    p.conversationId = rootId;
    p.likes = likes(c);
    p.replies = Json.count(c, "comment_count");
    if (p.replies == null) p.replies = Json.count(c.path("comments").path("summary"), "total_count");
    return p.toRow(e.options);
  }

  private void author(PostRecord p, JsonNode n) {
    p.platform = PLATFORM;
    p.postId = Json.text(n, "id");
    p.accountId = Json.path(n, "from", "id");
    String page = p.accountId == null ? null : pageNames.get(p.accountId);
    p.accountHandle = page != null ? page : Json.path(n, "from", "name");
    p.brandHint = page;
  }

  /** All reactions (the like and the five others), else likes, else a comment's like_count. */
  private static Long likes(JsonNode n) {
    Long v = Json.count(n.path("reactions").path("summary"), "total_count");
    if (v == null) v = Json.count(n.path("likes").path("summary"), "total_count");
    if (v == null) v = Json.count(n, "like_count");
    return v;
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
