package io.megaphone.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {

  @Test
  void keepsOrdinaryTextUnchanged() {
    String text = "Crêperie Élysée & \"Co\" <b>\t\n\r";
    assertThat(XmlText.clean(text)).isSameAs(text);
  }

  @Test
  void nullBecomesEmpty() {
    assertThat(XmlText.clean(null)).isEmpty();
  }

  @Test
  void dropsControlCharactersExceptTabNewlineAndCarriageReturn() {
    assertThat(XmlText.clean("a\u0000b\u001Bc\u0008d\u007Fe\t\n\r")).isEqualTo("abcd\u007Fe\t\n\r");
  }

  @Test
  void dropsNonCharactersFffeAndFfff() {
    assertThat(XmlText.clean("x\uFFFEy\uFFFFz\uFFFD")).isEqualTo("xyz\uFFFD");
  }

  @Test
  void keepsValidSurrogatePairs() {
    String emoji = "😀 \uD83D\uDE00 𝄞";
    assertThat(XmlText.clean(emoji)).isEqualTo(emoji);
  }

  @Test
  void dropsLoneSurrogates() {
    assertThat(XmlText.clean("a\uD83Db")).isEqualTo("ab");
    assertThat(XmlText.clean("a\uDE00b")).isEqualTo("ab");
    assertThat(XmlText.clean("end\uD83D")).isEqualTo("end");
    assertThat(XmlText.clean("\uDE00\uD83D")).isEmpty();
    assertThat(XmlText.clean("\uDE00\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
  }

  @Test
  void boundariesOfTheAllowedRanges() {
    assertThat(XmlText.isAllowed(0x1F)).isFalse();
    assertThat(XmlText.isAllowed(0x20)).isTrue();
    assertThat(XmlText.isAllowed(0xD7FF)).isTrue();
    assertThat(XmlText.isAllowed(0xD800)).isFalse();
    assertThat(XmlText.isAllowed(0xDFFF)).isFalse();
    assertThat(XmlText.isAllowed(0xE000)).isTrue();
    assertThat(XmlText.isAllowed(0xFFFD)).isTrue();
    assertThat(XmlText.isAllowed(0x10000)).isTrue();
    assertThat(XmlText.isAllowed(0x10FFFF)).isTrue();
  }
}
