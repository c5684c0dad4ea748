package io.megaphone.ingest.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.HtmlText;
import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.PostRecord;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.ingest.RecordPosition;
import io.megaphone.ingest.json.Json;
import io.megaphone.ingest.json.JsonRecordParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;

/**
 * Classifies a top-level value and maps each status to a canonical post.
 *
 * <p>REST (docs.joinmastodon.org/entities/Status): an array of statuses, one status, or an object holding
 * arrays of them ({@code ancestors}/{@code descendants} of a context, {@code statuses} of a search). Post id =
 * {@code id}; replies link by {@code in_reply_to_id}/{@code in_reply_to_account_id}; a boost ({@code reblog}
 * set) is a repost of {@code reblog.id} whose text, links, tags and mentions are those of the boosted status
 * (the boost itself has empty content).
 *
 * <p>ActivityPub (ActivityStreams 2.0): an {@code OrderedCollection}/{@code OrderedCollectionPage} (or
 * unordered) of activities, or single activities or objects. {@code Create} of a {@code Note} (or
 * {@code Question}, {@code Article}, …) is a post whose id is the object's URI, so {@code inReplyTo} (a note
 * URI) links replies to it; the author is {@code attributedTo} (an actor URI). {@code Announce} is a boost: its
 * id is the activity's URI (Mastodon's URI of the boost status), it reposts the {@code object} URI and, as an
 * export carries only that URI, its text is empty. Other activities are quarantined as not posts.
 */
final class MastodonParser implements JsonRecordParser {
  static final String FORMAT = "mastodon";
  static final String PLATFORM = "mastodon";
  private static final Set<String> COLLECTIONS = Set.of("OrderedCollection", "OrderedCollectionPage", "Collection",
      "CollectionPage");
  /** Object types Mastodon turns into statuses (docs.joinmastodon.org/spec/activitypub). */
  private static final Set<String> POST_TYPES = Set.of("Note", "Question", "Article", "Page", "Image", "Audio",
      "Video", "Event");
  /** Mastodon's actor URI https://host/users/NAME (also /@NAME and /u/NAME of other servers). */
  private static final Pattern ACTOR = Pattern.compile("^https?://[^/]+/(?:users/|@|u/)([^/?#]+)/?$");
  /** Mastodon's status URI https://host/users/NAME/statuses/ID: its author is the actor URI before /statuses. */
  private static final Pattern STATUS_URI = Pattern.compile("^(https?://[^/]+/users/[^/?#]+)/statuses/[^/?#]+$");

  @Override
  public void parse(JsonNode value, RecordPosition pos, String raw, IngestOptions options, Consumer<Row> out) {
    Context c = new Context(pos, options, out);
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) c.item(value.get(i), "$[" + i + "]");
    } else if (value.isObject() && COLLECTIONS.contains(String.valueOf(Json.text(value, "type")))) {
      c.collection(value, "$");
    } else if (value.isObject() && !value.has("id") && (value.has("ancestors") || value.has("descendants")
        || value.has("statuses"))) {
      for (String field : List.of("ancestors", "descendants", "statuses")) {
        JsonNode arr = value.get(field);
        if (arr != null && arr.isArray()) {
          for (int i = 0; i < arr.size(); i++) c.item(arr.get(i), "$." + field + "[" + i + "]");
        }
      }
    } else if (value.isObject()) {
      out.accept(c.one(value, pos));
    } else {
      out.accept(PostRecord.quarantined(FORMAT, pos, QuarantineReason.UNPARSEABLE,
          "not a Mastodon status, an ActivityPub activity or collection", raw != null ? raw : value.toString(),
          PLATFORM, null));
    }
  }

  /** What every record of one top-level value shares: its position, the options and the output. */
  private static final class Context {
    final RecordPosition pos;
    final IngestOptions options;
    final Consumer<Row> out;
    final String server;
    long index;

    Context(RecordPosition pos, IngestOptions options, Consumer<Row> out) {
      this.pos = pos;
      this.options = options;
      this.out = out;
      this.server = options.setting(MastodonFormat.SERVER);
    }

    void item(JsonNode node, String path) {
      out.accept(one(node, pos.element(path, index++)));
    }

    /** Items of a collection, and those of its first page when the page is embedded. */
    void collection(JsonNode c, String path) {
      for (String field : List.of("orderedItems", "items")) {
        JsonNode items = c.get(field);
        if (items != null && items.isArray()) {
          for (int i = 0; i < items.size(); i++) item(items.get(i), path + "." + field + "[" + i + "]");
        } else if (items != null && !items.isNull()) {
          // JSON-LD writes a single value without the array; anything but an activity is quarantined by one()
          item(items, path + "." + field);
        }
      }
      JsonNode first = c.get("first");
      if (first != null && first.isObject()) collection(first, path + ".first");
    }

    Row one(JsonNode node, RecordPosition at) {
      if (!node.isObject()) {
        String what = node.isTextual() ? "a reference (" + node.asText() + "), not an embedded status or activity"
            : "not a JSON object";
        return PostRecord.quarantined(FORMAT, at, QuarantineReason.UNPARSEABLE, what, node.toString(), PLATFORM, null);
      }
      String type = Json.text(node, "type");
      return type == null ? status(node, at) : activity(node, type, at);
    }

    // ---- REST

    Row status(JsonNode s, RecordPosition at) {
      PostRecord p = new PostRecord(FORMAT, at, s);
      p.platform = PLATFORM;
      p.postId = Json.text(s, "id");
      JsonNode account = s.get("account");
      p.accountId = Json.text(account, "id");
      String acct = Json.text(account, "acct");
      p.accountHandle = qualify(acct != null ? acct : Json.text(account, "username"));
      p.createdAtRaw = Json.text(s, "created_at");
      JsonNode reblog = s.get("reblog");
      boolean boost = reblog != null && reblog.isObject();
      JsonNode shown = boost ? reblog : s;
      String html = Json.text(shown, "content");
      HtmlText.Parsed body = html != null ? HtmlText.parse(html) : new HtmlText.Parsed(nz(Json.text(shown, "text")), List.of());
      p.text = withWarning(Json.text(shown, "spoiler_text"), body.text());
      p.lang = Json.text(s, "language");
      if (p.lang == null && boost) p.lang = Json.text(reblog, "language");
      p.inReplyToPostId = Json.text(s, "in_reply_to_id");
      p.inReplyToAccountId = Json.text(s, "in_reply_to_account_id");
      if (boost) {
        p.isRepost = true;
        p.repostOfPostId = Json.text(reblog, "id");
      } else {
        JsonNode quote = s.get("quote");
        p.quoteOfPostId = Json.path(quote, "quoted_status", "id");
        if (p.quoteOfPostId == null) p.quoteOfPostId = Json.text(quote, "quoted_status_id");
      }
      List<String> urls = new ArrayList<>(body.links());
      String card = Json.path(shown, "card", "url");
      if (card != null && !urls.contains(card)) urls.add(card);
      p.urls = urls;
      p.hashtags = Json.strings(shown, "tags", "name");
      List<String> mentions = Json.strings(shown, "mentions", "acct");
      p.mentions = mentions == null ? null : mentions.stream().map(this::qualify).toList();
      p.likes = Json.count(s, "favourites_count");
      p.shares = Json.count(s, "reblogs_count");
      p.replies = Json.count(s, "replies_count");
      return p.toRow(options);
    }

    // ---- ActivityPub

    Row activity(JsonNode a, String type, RecordPosition at) {
      if (POST_TYPES.contains(type)) return note(a, null, at);
      switch (type) {
        case "Create" -> {
          JsonNode obj = a.get("object");
          if (obj != null && obj.isObject() && POST_TYPES.contains(String.valueOf(Json.text(obj, "type")))) {
            return note(obj, a, at);
          }
          String what = obj == null || obj.isNull() ? "a Create activity without object"
              : obj.isTextual() ? "a Create activity whose object is a reference (" + obj.asText() + "), not an embedded note"
              : "a Create activity of a '" + Json.text(obj, "type") + "', not of a note";
          return PostRecord.quarantined(FORMAT, at, QuarantineReason.UNPARSEABLE, what, a.toString(), PLATFORM,
              Json.text(a, "id"));
        }
        case "Announce" -> {
          return announce(a, at);
        }
        default -> {
          return PostRecord.quarantined(FORMAT, at, QuarantineReason.UNPARSEABLE, "ActivityPub '" + type
              + "' is not a post (posts are Create and Announce activities, or notes)", a.toString(), PLATFORM,
              Json.text(a, "id"));
        }
      }
    }

    /** A note, from a Create activity ({@code activity} then gives the defaults) or on its own. */
    Row note(JsonNode o, JsonNode activity, RecordPosition at) {
      PostRecord p = new PostRecord(FORMAT, at, activity != null ? activity : o);
      p.platform = PLATFORM;
      p.postId = Json.text(o, "id");
      author(p, o.get("attributedTo"), activity == null ? null : activity.get("actor"));
      p.createdAtRaw = Json.text(o, "published");
      if (p.createdAtRaw == null && activity != null) p.createdAtRaw = Json.text(activity, "published");
      content(p, o);
      p.inReplyToPostId = ref(o.get("inReplyTo"));
      if (p.inReplyToPostId != null) {
        Matcher m = STATUS_URI.matcher(p.inReplyToPostId);
        if (m.matches()) p.inReplyToAccountId = m.group(1);
      }
      for (String f : List.of("quote", "quoteUri", "_misskey_quote", "quoteUrl")) {
        if (p.quoteOfPostId == null) p.quoteOfPostId = ref(o.get(f));
      }
      // Mastodon gives the counts of its own notes as collections with a size
      p.likes = Json.count(o.get("likes"), "totalItems");
      p.shares = Json.count(o.get("shares"), "totalItems");
      p.replies = Json.count(o.get("replies"), "totalItems");
      return p.toRow(options);
    }

    Row announce(JsonNode a, RecordPosition at) {
      PostRecord p = new PostRecord(FORMAT, at, a);
      p.platform = PLATFORM;
      p.postId = Json.text(a, "id");
      author(p, a.get("actor"), null);
      p.createdAtRaw = Json.text(a, "published");
      p.isRepost = true;
      JsonNode obj = a.get("object");
      p.repostOfPostId = ref(obj);
      if (obj != null && obj.isObject()) {
        content(p, obj);
      } else {
        p.text = "";
        p.urls = List.of();
        p.hashtags = List.of();
        p.mentions = List.of();
      }
      return p.toRow(options);
    }

    /** Account id = the actor URI; handle = the actor's preferredUsername, else the name in a Mastodon-style URI. */
    void author(PostRecord p, JsonNode attributedTo, JsonNode fallback) {
      JsonNode actor = attributedTo != null && !attributedTo.isNull() ? attributedTo : fallback;
      if (actor != null && actor.isArray()) actor = actor.size() == 0 ? null : actor.get(0);
      p.accountId = ref(actor);
      String name = Json.text(actor, "preferredUsername");
      if (name == null && p.accountId != null) {
        Matcher m = ACTOR.matcher(p.accountId);
        if (m.matches()) name = m.group(1);
      }
      p.accountHandle = qualify(name);
    }

    /** Text (content warning, then the HTML content as text), language, links, mentions and hashtags of a note. */
    void content(PostRecord p, JsonNode o) {
      String html = Json.text(o, "content");
      JsonNode map = o.get("contentMap");
      if (map != null && map.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = map.fields();
        if (it.hasNext()) {
          Map.Entry<String, JsonNode> first = it.next();
          p.lang = first.getKey();
          if (html == null && first.getValue().isTextual()) html = first.getValue().asText();
        }
      }
      if (html == null) html = Json.text(o, "name");
      HtmlText.Parsed body = HtmlText.parse(html);
      p.text = withWarning(Json.text(o, "summary"), body.text());
      List<String> urls = new ArrayList<>(body.links());
      List<String> hashtags = new ArrayList<>();
      List<String> mentions = new ArrayList<>();
      for (JsonNode t : asList(o.get("tag"))) {
        String type = Json.text(t, "type");
        String name = Json.text(t, "name");
        if ("Mention".equals(type)) {
          String h = name != null ? qualify(name) : null;
          if (h == null) {
            Matcher m = ACTOR.matcher(nz(Json.text(t, "href")));
            if (m.matches()) h = qualify(m.group(1));
          }
          if (h != null && !mentions.contains(h)) mentions.add(h);
        } else if ("Hashtag".equals(type) && name != null) {
          String tag = name.startsWith("#") ? name.substring(1) : name;
          if (!tag.isEmpty() && !hashtags.contains(tag)) hashtags.add(tag);
        }
      }
      // Mastodon attaches the preview card as a Link
      for (JsonNode att : asList(o.get("attachment"))) {
        String href = Json.text(att, "href");
        if ("Link".equals(Json.text(att, "type")) && href != null && !urls.contains(href)) urls.add(href);
      }
      p.urls = urls;
      p.hashtags = hashtags;
      p.mentions = mentions;
    }

    /** A handle without '@'; bare names get the configured server's domain. */
    String qualify(String handle) {
      if (handle == null) return null;
      String h = handle.startsWith("@") ? handle.substring(1) : handle;
      if (h.isEmpty()) return null;
      return server != null && h.indexOf('@') < 0 ? h + "@" + server : h;
    }
  }

  /** An id given as a URI string, an object with {@code id} (or {@code href}), or the first of an array. */
  static String ref(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (n.isTextual()) return n.asText().isBlank() ? null : n.asText();
    if (n.isArray()) return n.size() == 0 ? null : ref(n.get(0));
    if (n.isObject()) {
      String id = Json.text(n, "id");
      return id != null ? id : Json.text(n, "href");
    }
    return null;
  }

  private static List<JsonNode> asList(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull()) return out;
    if (n.isArray()) n.forEach(out::add);
    else if (n.isObject()) out.add(n);
    return out;
  }

  /** The content warning (plain text) is what readers see first: it comes before the body, a blank line between. */
  static String withWarning(String warning, String body) {
    if (warning == null || warning.isBlank()) return body;
    String w = warning.strip();
    return body.isEmpty() ? w : w + "\n\n" + body;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
