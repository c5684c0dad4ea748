package io.megaphone.ingest.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.facebook.GraphTime;
import io.megaphone.ingest.json.Json;
import io.megaphone.ingest.json.RecordEmitter;
import io.megaphone.ingest.json.JsonRecordParser;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/**
 * Instagram Graph API JSON: IG Media and IG Comment objects. A top-level value is a response page ({@code
 * {"data": [...], "paging": ...}}, of media or of comments), an IG User node with its media edge ({@code {"id",
 * "username", "media": {"data": [...]}}}, also inside {@code business_discovery}), an array, or one media or
 * comment object. Each media is one record and so is each comment of its {@code comments} edge and each reply of
 * a comment's {@code replies} edge: a comment answers its media, a reply its {@code parent_id} or else the
 * comment it is listed under. A comment on its own answers {@code parent_id}, else its {@code media.id}.
 */
final class InstagramGraphParser implements JsonRecordParser {
  static final String FORMAT = "instagram";
  static final String PLATFORM = "instagram";

  @Override
  public void parse(JsonNode value, RecordPosition pos, String raw, IngestOptions options, Consumer<Row> out) {
    RecordEmitter e = new RecordEmitter(FORMAT, PLATFORM, pos, options, out);
    JsonNode user = value.isObject() && value.get("business_discovery") != null
        && value.get("business_discovery").isObject() ? value.get("business_discovery") : value;
    String userPath = user == value ? "$" : "$.business_discovery";
    JsonNode mediaEdge = user.isObject() ? user.get("media") : null;
    if (value.isObject() && value.get("data") != null && value.get("data").isArray()) {
      items(e, value.get("data"), "$.data", null, null);
    } else if (mediaEdge != null && mediaEdge.isObject() && mediaEdge.get("data") != null
        && mediaEdge.get("data").isArray()) {
      items(e, mediaEdge.get("data"), userPath + ".media.data", Json.text(user, "id"), Json.text(user, "username"));
    } else if (value.isArray()) {
      items(e, value, "$", null, null);
    } else if (value.isObject() && value.has("data") && (value.get("data").isNull()
        || value.get("data").isContainerNode() && value.get("data").isEmpty())) {
      // a response page with nothing in it holds no record (a text or number in "data" is no empty page: quarantined)
    } else if (value.isObject() && (isMedia(value) || isComment(value))) {
      item(e, value, null, null, null);
    } else {
      out.accept(PostRecord.quarantined(FORMAT, pos, QuarantineReason.UNPARSEABLE,
          "not an IG Media, an IG Comment or a response page {data: [...]}", raw != null ? raw : value.toString(),
          PLATFORM, null));
    }
  }

  /** IG Comments have text (never caption), media, parent_id or from.username; media have the rest. */
  private static boolean isComment(JsonNode v) {
    if (v.has("caption") || v.has("media_type") || v.has("media_product_type") || v.has("permalink")
        || v.has("owner") || v.has("comments_count")) {
      return false;
    }
    return v.has("text") || v.has("parent_id") || (v.get("media") != null && v.get("media").isObject())
        || v.has("replies");
  }

  private static boolean isMedia(JsonNode v) {
    return v.has("id") || v.has("timestamp") || v.has("caption") || v.has("media_type");
  }

  private void items(RecordEmitter e, JsonNode list, String path, String ownerId, String ownerName) {
    for (int i = 0; i < list.size(); i++) item(e, list.get(i), path + "[" + i + "]", ownerId, ownerName);
  }

  private void item(RecordEmitter e, JsonNode node, String path, String ownerId, String ownerName) {
    if (!node.isObject()) {
      e.quarantine(path, node, "media is not a JSON object");
      return;
    }
    Map<String, String> authors = new HashMap<>();
    if (isComment(node)) {
      collectAuthors(node, authors, 0);
      String mediaId = Json.path(node, "media", "id");
      e.out.accept(comment(e, node, path, mediaId, null, mediaId, authors));
      replies(e, node, path, mediaId, authors);
      return;
    }
    String owner = Json.path(node, "owner", "id");
    if (owner == null) owner = ownerId;
    String mediaId = Json.text(node, "id");
    if (mediaId != null && owner != null) authors.put(mediaId, owner);
    JsonNode comments = list(node, "comments");
    if (comments != null) for (JsonNode c : comments) collectAuthors(c, authors, 0);
    e.out.accept(media(e, node, path, owner, ownerName));
    if (comments == null) return;
    String base = (path == null ? "$" : path) + ".comments.data";
    for (int i = 0; i < comments.size(); i++) {
      JsonNode c = comments.get(i);
      String cpath = base + "[" + i + "]";
      if (!c.isObject()) {
        e.quarantine(cpath, c, "comment is not a JSON object");
        continue;
      }
      e.out.accept(comment(e, c, cpath, mediaId, owner, mediaId, authors));
      replies(e, c, cpath, mediaId, authors);
    }
  }

  /** Replies listed under a comment (Instagram has one level; deeper lists are read the same way). */
  private void replies(RecordEmitter e, JsonNode comment, String path, String mediaId, Map<String, String> authors) {
    JsonNode list = list(comment, "replies");
    if (list == null) return;
    String id = Json.text(comment, "id");
    String author = authorId(comment);
    String base = (path == null ? "$" : path) + ".replies.data";
    for (int i = 0; i < list.size(); i++) {
      JsonNode r = list.get(i);
      String rpath = base + "[" + i + "]";
      if (!r.isObject()) {
        e.quarantine(rpath, r, "reply is not a JSON object");
        continue;
      }
      e.out.accept(comment(e, r, rpath, id, author, mediaId, authors));
      replies(e, r, rpath, mediaId, authors);
    }
  }

  private static JsonNode list(JsonNode node, String edge) {
    JsonNode c = node.get(edge);
    if (c == null) return null;
    if (c.isArray()) return c;
    JsonNode data = c.get("data");
    return data != null && data.isArray() ? data : null;
  }

  private static void collectAuthors(JsonNode c, Map<String, String> authors, int depth) {
    if (!c.isObject() || depth > 100) return;
    String id = Json.text(c, "id");
    String author = authorId(c);
    if (id != null && author != null) authors.putIfAbsent(id, author);
    JsonNode replies = list(c, "replies");
    if (replies != null) for (JsonNode r : replies) collectAuthors(r, authors, depth + 1);
  }

  private static String authorId(JsonNode c) {
    String id = Json.path(c, "from", "id");
    return id != null ? id : Json.path(c, "user", "id");
  }

  private Row media(RecordEmitter e, JsonNode m, String path, String owner, String ownerName) {
    PostRecord p = e.record(m, path);
    p.platform = PLATFORM;
    p.postId = Json.text(m, "id");
    p.accountId = owner;
    p.accountHandle = Json.text(m, "username");
    if (p.accountHandle == null) p.accountHandle = Json.path(m, "owner", "username");
    if (p.accountHandle == null) p.accountHandle = ownerName;
    GraphTime.set(p, Json.text(m, "timestamp"), e.options.zone());
    String caption = Json.text(m, "caption");
    p.text = caption == null ? "" : caption;
    p.conversationId = p.postId;
    p.likes = Json.count(m, "like_count");
    p.replies = Json.count(m, "comments_count");
    p.views = Json.count(m, "view_count");
    return p.toRow(e.options);
  }

  private Row comment(RecordEmitter e, JsonNode c, String path, String listedUnderId, String listedUnderAuthor,
      String mediaId, Map<String, String> authors) {
    PostRecord p = e.record(c, path);
    p.platform = PLATFORM;
    p.postId = Json.text(c, "id");
    p.accountId = authorId(c);
    p.accountHandle = Json.path(c, "from", "username");
    if (p.accountHandle == null) p.accountHandle = Json.text(c, "username");
    GraphTime.set(p, Json.text(c, "timestamp"), e.options.zone());
    String text = Json.text(c, "text");
    p.text = text == null ? "" : text;
    String parentId = Json.text(c, "parent_id");
    String parentAuthor = null;
    if (parentId == null || parentId.equals(listedUnderId)) {
      parentId = listedUnderId;
      parentAuthor = listedUnderAuthor;
    }
    if (parentAuthor == null && parentId != null) parentAuthor = authors.get(parentId);
    p.inReplyToPostId = parentId;
    p.inReplyToAccountId = parentAuthor;
    p.conversationId = mediaId;
    p.likes = Json.count(c, "like_count");
    return p.toRow(e.options);
  }
}
