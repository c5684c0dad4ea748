package io.megaphone.ingest.mapped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.ingest.json.Json;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value conversions, JSON paths and timestamp patterns of the mapped format, without Spark. */
class MappedValuesTest {
  @Test
  void countsAsSpreadsheetsAndPandasWriteThem() {
    assertThat(MappedValues.count("1710")).isEqualTo(1710L);
    assertThat(MappedValues.count("1710.0")).isEqualTo(1710L);
    assertThat(MappedValues.count(" 1,234,567 ")).isEqualTo(1_234_567L);
    assertThat(MappedValues.count("1.2K")).isEqualTo(1200L);
    assertThat(MappedValues.count("3m")).isEqualTo(3_000_000L);
    assertThat(MappedValues.count("2.5")).isEqualTo(3L);
    assertThat(MappedValues.count("1e3")).isEqualTo(1000L);
    for (String bad : new String[] {null, "", " ", "nan", "NaN", "None", "-5", "12abc", "1,2", "99999999999999999999"}) {
      assertThat(MappedValues.count(bad)).as(bad).isNull();
    }
  }

  @Test
  void idsLoseTheFloatSuffixButNeverDigits() throws Exception {
    assertThat(MappedValues.id(" 1002.0 ")).isEqualTo("1002");
    assertThat(MappedValues.id("6_o8EwK-m7o")).isEqualTo("6_o8EwK-m7o");
    assertThat(MappedValues.id("228735667216_10154890879532217")).isEqualTo("228735667216_10154890879532217");
    assertThat(MappedValues.id("1.5")).isEqualTo("1.5");
    assertThat(MappedValues.id("")).isNull();
    assertThatThrownBy(() -> MappedValues.id("1.2345678901234568E17")).isInstanceOf(MappedValues.BadValue.class)
        .hasMessage("'1.2345678901234568E17' is an id written in scientific notation (its digits are lost)");
  }

  @Test
  void booleans() throws Exception {
    for (String t : List.of("true", "TRUE", "True", "t", "yes", "Y", "1", "1.0", "oui", "Vrai")) assertThat(MappedValues.bool(t)).isTrue();
    for (String f : List.of("false", "F", "no", "n", "0", "0.0", "", " ", "NON", "faux")) assertThat(MappedValues.bool(f)).isFalse();
    assertThat(MappedValues.bool(null)).isFalse();
    assertThatThrownBy(() -> MappedValues.bool("retweet")).hasMessage("'retweet' is not a boolean (true/false,"
        + " yes/no, 1/0)");
  }

  @Test
  void listsWrittenInOneValue() {
    assertThat(MappedValues.splitList("a, b  c;d|e", null)).containsExactly("a", "b", "c", "d", "e");
    assertThat(MappedValues.splitList("https://x.example/a,-b https://y.example/c, https://z.example/;",
        MappedValues.BLANK_SPLIT)).containsExactly("https://x.example/a,-b", "https://y.example/c", "https://z.example/");
    assertThat(MappedValues.splitList("a|b c|d", "|")).containsExactly("a", "b c", "d");
    assertThat(MappedValues.splitList("[\"x\", \"y\"]", null)).containsExactly("x", "y");
    assertThat(MappedValues.splitList("['x', 'y z']", null)).containsExactly("x", "y z"); // a pandas list
    assertThat(MappedValues.splitList("[]", null)).isEmpty();
    assertThat(MappedValues.splitList("https://a.example/p?q=1", null)).containsExactly("https://a.example/p?q=1");
  }

  @Test
  void handlesLoseTheirAt() {
    assertThat(MappedValues.handle(" @lemondefr ")).isEqualTo("lemondefr");
    assertThat(MappedValues.handle("Le Monde")).isEqualTo("Le Monde");
  }

  @Test
  void jsonPaths() throws Exception {
    JsonNode n = Json.MAPPER.readTree("""
        {"user": {"screen_name": "julie"}, "a": {"b": [{"c": 1}, {"c": 2}]}, "dotted.key": "d",
         "tags": [{"name": "x"}, {"name": "y"}], "nothing": null, "arr": ["p", "q"]}
        """);
    assertThat(texts(new JsonPath("user.screen_name").find(n))).containsExactly("julie");
    assertThat(texts(new JsonPath("$.user.screen_name").find(n))).containsExactly("julie");
    assertThat(texts(new JsonPath("a.b[0].c").find(n))).containsExactly("1");
    assertThat(texts(new JsonPath("a.b[-1].c").find(n))).containsExactly("2");
    assertThat(texts(new JsonPath("a.b[*].c").find(n))).containsExactly("1", "2");
    assertThat(texts(new JsonPath("tags[*].name").find(n))).containsExactly("x", "y");
    assertThat(texts(new JsonPath("arr[1]").find(n))).containsExactly("q");
    assertThat(texts(new JsonPath("dotted.key").find(n))).containsExactly("d"); // the record's own key wins
    assertThat(new JsonPath("nothing").find(n)).isEmpty();
    assertThat(new JsonPath("user.missing.deeper").find(n)).isEmpty();
    assertThat(new JsonPath("a.b[9].c").find(n)).isEmpty();
    assertThat(new JsonPath("a[").find(n)).isEmpty(); // not a path, not a key
  }

  private static List<String> texts(List<JsonNode> nodes) {
    return nodes.stream().map(JsonNode::asText).toList();
  }

  @Test
  void timestampPatterns() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    assertThat(new TimestampFormat("dd/MM/yyyy HH:mm").parse("14/03/2024 09:30", paris))
        .isEqualTo(Instant.parse("2024-03-14T08:30:00Z"));
    assertThat(new TimestampFormat("yyyy-MM-dd'T'HH:mm:ssX").parse("2022-06-03T16:16:46Z", paris))
        .isEqualTo(Instant.parse("2022-06-03T16:16:46Z"));
    assertThat(new TimestampFormat("yyyy-MM-dd'T'HH:mm:ssZ").parse("2017-07-14T14:30:59+0000", paris))
        .isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(new TimestampFormat("EEE, dd MMM yyyy HH:mm:ss z").parse("Fri, 14 Jul 2017 14:30:59 GMT", paris))
        .isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(new TimestampFormat("MMM d, yyyy").parse("jul 14, 2017", paris)) // a date: midnight in the zone
        .isEqualTo(Instant.parse("2017-07-13T22:00:00Z"));
    assertThat(new TimestampFormat("epoch_seconds").parse("1500042659", paris))
        .isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThat(new TimestampFormat("epoch_millis").parse("1500042659250", paris))
        .isEqualTo(Instant.parse("2017-07-14T14:30:59.250Z"));
    assertThat(new TimestampFormat(null).parse("2017-07-14T14:30:59+0000", paris))
        .isEqualTo(Instant.parse("2017-07-14T14:30:59Z"));
    assertThatThrownBy(() -> new TimestampFormat("dd/MM/yyyy HH:mm").parse("2024-03-15 10:00", paris))
        .isInstanceOf(DateTimeException.class);
    assertThat(new TimestampFormat("dd/MM/yyyy HH:mm").problem()).isNull();
    assertThat(new TimestampFormat("HH:mm").problem()).startsWith("it does not give a date");
  }
}
