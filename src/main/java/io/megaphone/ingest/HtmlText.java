package io.megaphone.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The text a reader sees in an HTML fragment (Mastodon status content, RSS/Atom item bodies), parsed with
 * jsoup: tags dropped, entities decoded, link text kept, white space collapsed as a browser does, a line
 * break for {@code <br>} and block ends, a blank line after {@code </p>}; script and style dropped.
 * Also collects the addresses of the links in it, leaving out Mastodon's mention and hashtag links.
 */
public final class HtmlText {
  private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl",
      "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
      "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul");
  private static final Set<String> DROPPED = Set.of("script", "style", "template", "noscript", "head", "title");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\n\\r\\f\\u000B\\u00A0]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private HtmlText() {}

  /** The text of an HTML fragment plus the addresses it links to (mentions and hashtags left out). */
  public record Parsed(String text, List<String> links) {}

  public static String text(String html) {
    return parse(html).text();
  }

  public static Parsed parse(String html) {
    if (html == null || html.isEmpty()) return new Parsed("", List.of());
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return new Parsed(SPACES.matcher(html).replaceAll(" ").trim(), List.of());
    }
    Element body = Jsoup.parseBodyFragment(html).body();
    Collector c = new Collector();
    NodeTraversor.filter(c, body);
    return new Parsed(c.finish(), c.links);
  }

  private static final class Collector implements NodeFilter {
    final StringBuilder out = new StringBuilder();
    final List<String> links = new ArrayList<>();
    int pre;

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (pre > 0) {
          out.append(t.getWholeText());
        } else {
          String s = SPACES.matcher(t.getWholeText()).replaceAll(" ");
          if (s.startsWith(" ") && atSpaceOrLineStart()) s = s.substring(1);
          out.append(s);
        }
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (DROPPED.contains(tag)) return FilterResult.SKIP_ENTIRELY;
        if (tag.equals("br")) {
          trimTrailingSpace();
          out.append('\n');
        } else if (BLOCKS.contains(tag)) {
          lineBreak();
          if (tag.equals("pre")) pre++;
        } else if (tag.equals("a")) {
          link(e);
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("p")) {
          lineBreak();
          out.append('\n');
        } else if (BLOCKS.contains(tag)) {
          if (tag.equals("pre")) pre--;
          lineBreak();
        }
      }
      return FilterResult.CONTINUE;
    }

    private void link(Element a) {
      String href = a.attr("href").trim();
      if (href.isEmpty() || !(href.startsWith("http://") || href.startsWith("https://"))) return;
      String cls = " " + a.className().toLowerCase(Locale.ROOT) + " ";
      // Mastodon marks mentions "u-url mention" and hashtags "mention hashtag" (rel="tag")
      if (cls.contains(" mention ") || cls.contains(" hashtag ") || a.attr("rel").toLowerCase(Locale.ROOT).contains("tag")) {
        return;
      }
      if (!links.contains(href)) links.add(href);
    }

    private boolean atSpaceOrLineStart() {
      if (out.length() == 0) return true;
      char last = out.charAt(out.length() - 1);
      return last == ' ' || last == '\n';
    }

    private void trimTrailingSpace() {
      while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
    }

    private void lineBreak() {
      trimTrailingSpace();
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
    }

    String finish() {
      String s = out.toString();
      // no spaces at the start of a line (left by inline elements after a break)
      s = s.replace("\n ", "\n");
      return BLANK_LINES.matcher(s).replaceAll("\n\n").strip();
    }
  }
}
