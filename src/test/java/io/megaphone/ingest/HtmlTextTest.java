package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HTML fragments as Mastodon and blog feeds write them, turned to the text a reader sees. */
class HtmlTextTest {
  @Test
  void paragraphsAndBreaks_entities_linkText_mentionAndHashtagLinksLeftOutOfLinks() {
    HtmlText.Parsed p = HtmlText.parse("<p>Bonjour <span class=\"h-card\"><a href=\"https://m.example/@ana\""
        + " class=\"u-url mention\">@<span>ana</span></a></span> &amp; merci&nbsp;!<br/>Voir <a"
        + " href=\"https://shop.example/a\" rel=\"nofollow\"><span class=\"invisible\">https://</span><span"
        + " class=\"ellipsis\">shop.example</span><span class=\"invisible\">/a</span></a></p><p><a"
        + " href=\"https://m.example/tags/promo\" class=\"mention hashtag\" rel=\"tag\">#<span>promo</span></a></p>");
    assertThat(p.text()).isEqualTo("Bonjour @ana & merci !\nVoir https://shop.example/a\n\n#promo");
    assertThat(p.links()).containsExactly("https://shop.example/a");
  }

  @Test
  void whiteSpaceCollapses_blocksBreakLines_scriptsDropped_preKept() {
    assertThat(HtmlText.text("<div>\n  <h2>Titre</h2>\n  <ul><li>un</li><li>deux</li></ul>\n<script>x()</script>"
        + "<style>p{}</style>fin   du   texte</div><pre>a  b\nc</pre>"))
        .isEqualTo("Titre\nun\ndeux\nfin du texte\na  b\nc");
    assertThat(HtmlText.text("plain   text\nwith lines")).isEqualTo("plain text with lines");
    assertThat(HtmlText.text("")).isEmpty();
    assertThat(HtmlText.text(null)).isEmpty();
    assertThat(HtmlText.text("<p></p><p></p><p>x</p>")).isEqualTo("x");
    assertThat(HtmlText.text("a &lt;b&gt; &#233;t&eacute;")).isEqualTo("a <b> été");
  }
}
