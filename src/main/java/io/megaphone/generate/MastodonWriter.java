package io.megaphone.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mastodon REST API Status entities (docs.joinmastodon.org/entities/Status), one per line, everyone on one
 * server ({@value #SERVER}), so {@code acct} is the bare username, as that server's API writes it. Content is
 * HTML as Mastodon renders it: paragraphs, {@code <br />}, links split into invisible/ellipsis spans, h-card
 * mentions and hashtag links. A brand's re-post is a boost: empty content, the boosted status in {@code reblog}.
 */
final class MastodonWriter implements PostWriter {
  static final String SERVER = "mastodon.example";
  private static final String BASE = "https://" + SERVER;
  private static final Pattern TOKEN = Pattern.compile(
      "https?://\\S+|(?<![\\p{L}\\p{N}_@])@([\\p{L}\\p{N}_]+)|(?<![\\p{L}\\p{N}_&#])#([\\p{L}\\p{N}_]+)");
  private final JsonGenerator g;
  private final World world;
  /** brand handles (lower case) on Mastodon → account id, for mentions */
  private final Map<String, String> brandIds = new HashMap<>();
  private static final Map<String, Integer> FIRST_NAME_INDEX = new HashMap<>();

  static {
    for (int i = 0; i < Lexicon.FIRST_NAMES.length; i++) FIRST_NAME_INDEX.put(Lexicon.FIRST_NAMES[i], i);
  }

  MastodonWriter(OutputStream out, World world) throws IOException {
    this.world = world;
    for (Account a : world.accounts) brandIds.put(a.handle().toLowerCase(Locale.ROOT), a.id());
    g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    for (SyntheticPost p : block) status(p);
  }

  private void status(SyntheticPost p) throws IOException {
    boolean boost = p.repostOf != null;
    g.writeStartObject();
    g.writeStringField("id", Long.toString(p.id));
    g.writeStringField("created_at", Instant.ofEpochSecond(p.createdAt).truncatedTo(ChronoUnit.SECONDS).toString()
        .replace("Z", ".000Z"));
    if (p.parent != null) {
      g.writeStringField("in_reply_to_id", Long.toString(p.parent.id));
      g.writeStringField("in_reply_to_account_id", p.parent.accountId());
    } else {
      g.writeNullField("in_reply_to_id");
      g.writeNullField("in_reply_to_account_id");
    }
    g.writeBooleanField("sensitive", false);
    g.writeStringField("spoiler_text", "");
    g.writeStringField("visibility", "public");
    if (boost) g.writeNullField("language");
    else g.writeStringField("language", p.lang);
    String statusPath = BASE + "/users/" + p.handle() + "/statuses/" + p.id;
    g.writeStringField("uri", boost ? statusPath + "/activity" : statusPath);
    g.writeStringField("url", boost ? statusPath + "/activity" : BASE + "/@" + p.handle() + "/" + p.id);
    g.writeNumberField("replies_count", boost ? 0 : p.replies);
    g.writeNumberField("reblogs_count", boost ? 0 : p.shares);
    g.writeNumberField("favourites_count", boost ? 0 : p.likes);
    g.writeNullField("edited_at");
    g.writeStringField("content", boost ? "" : html(p.text));
    if (boost) {
      g.writeFieldName("reblog");
      status(p.repostOf);
    } else {
      g.writeNullField("reblog");
    }
    g.writeObjectFieldStart("application");
    g.writeStringField("name", "Web");
    g.writeNullField("website");
    g.writeEndObject();
    account(p);
    g.writeArrayFieldStart("media_attachments");
    g.writeEndArray();
    g.writeArrayFieldStart("mentions");
    if (!boost) {
      for (String m : p.text.mentions()) {
        g.writeStartObject();
        String id = accountIdOf(m);
        if (id != null) g.writeStringField("id", id);
        g.writeStringField("username", m);
        g.writeStringField("url", BASE + "/@" + m);
        g.writeStringField("acct", m);
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("tags");
    if (!boost) {
      for (String t : p.text.hashtags()) {
        g.writeStartObject();
        g.writeStringField("name", t.toLowerCase(Locale.ROOT));
        g.writeStringField("url", BASE + "/tags/" + t.toLowerCase(Locale.ROOT));
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("emojis");
    g.writeEndArray();
    if (!boost && !p.text.urls().isEmpty()) {
      g.writeObjectFieldStart("card");
      g.writeStringField("url", p.text.urls().get(0));
      g.writeStringField("title", "");
      g.writeStringField("description", "");
      g.writeStringField("type", "link");
      g.writeEndObject();
    } else {
      g.writeNullField("card");
    }
    g.writeNullField("poll");
    g.writeEndObject();
  }

  private void account(SyntheticPost p) throws IOException {
    g.writeObjectFieldStart("account");
    g.writeStringField("id", p.accountId());
    g.writeStringField("username", p.handle());
    g.writeStringField("acct", p.handle());
    g.writeStringField("display_name", p.byBrand() ? world.brands.get(p.account.brand()).name() : World.userName(p.user));
    g.writeBooleanField("locked", false);
    g.writeBooleanField("bot", false);
    g.writeBooleanField("group", false);
    g.writeStringField("created_at", "2019-01-01T00:00:00.000Z");
    g.writeStringField("note", "");
    g.writeStringField("url", BASE + "/@" + p.handle());
    g.writeStringField("avatar", BASE + "/avatars/original/missing.png");
    g.writeEndObject();
  }

  /** A brand account's id, or a public user's (handles are first name + '_' + base-36 number), or null. */
  private String accountIdOf(String handle) {
    String id = brandIds.get(handle.toLowerCase(Locale.ROOT));
    if (id != null) return id;
    int us = handle.lastIndexOf('_');
    Integer name = us < 0 ? null : FIRST_NAME_INDEX.get(handle.substring(0, us));
    if (name == null) return null;
    try {
      return World.userId(Long.parseLong(handle.substring(us + 1), 36) * Lexicon.FIRST_NAMES.length + name);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The text as Mastodon renders a status: escaped, links, mentions and hashtags as links, breaks kept. */
  static String html(Text t) {
    String s = t.text();
    StringBuilder out = new StringBuilder("<p>");
    Matcher m = TOKEN.matcher(s);
    int last = 0;
    while (m.find()) {
      out.append(escape(s.substring(last, m.start())));
      String token = m.group();
      if (m.group(1) != null && t.mentions().contains(m.group(1))) {
        out.append("<span class=\"h-card\" translate=\"no\"><a href=\"").append(BASE).append("/@").append(m.group(1))
            .append("\" class=\"u-url mention\">@<span>").append(m.group(1)).append("</span></a></span>");
      } else if (m.group(2) != null && t.hashtags().contains(m.group(2))) {
        String tag = m.group(2);
        out.append("<a href=\"").append(BASE).append("/tags/").append(tag.toLowerCase(Locale.ROOT))
            .append("\" class=\"mention hashtag\" rel=\"tag\">#<span>").append(tag).append("</span></a>");
      } else if (m.group(1) == null && m.group(2) == null && t.urls().contains(token)) {
        out.append(link(token));
      } else {
        out.append(escape(token));
      }
      last = m.end();
    }
    out.append(escape(s.substring(last)));
    out.append("</p>");
    return out.toString().replace("\n\n", "</p><p>").replace("\n", "<br />");
  }

  /** Mastodon's link: the scheme (and www.) hidden, 30 characters shown, the rest hidden. */
  private static String link(String url) {
    int start = url.startsWith("https://") ? 8 : 7;
    if (url.startsWith("www.", start)) start += 4;
    String shown = url.substring(start);
    String visible = shown.length() > 30 ? shown.substring(0, 30) : shown;
    String rest = shown.substring(visible.length());
    return "<a href=\"" + escape(url) + "\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">"
        + "<span class=\"invisible\">" + escape(url.substring(0, start)) + "</span><span class=\""
        + (rest.isEmpty() ? "" : "ellipsis") + "\">" + escape(visible) + "</span><span class=\"invisible\">"
        + escape(rest) + "</span></a>";
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException {
    g.writeRaw('\n');
    g.close();
  }
}
