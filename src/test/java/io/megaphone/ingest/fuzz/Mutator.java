package io.megaphone.ingest.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.megaphone.ingest.csv.CsvDialect;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Deterministic mutations of one record: on the parsed JSON tree (drop or add a field, change a value's type,
 * empty strings, huge numbers, absurd timestamps and ids, deep nesting, odd strings), on its bytes (truncate,
 * flip, insert, delete, invalid UTF-8, NUL, stray quotes and line breaks, BOM) and on the fields of a CSV
 * record. Every mutation says whether it may legitimately leave the record with no row at all ("emptying":
 * a value set to null or an empty container), which the plausibility check of the fuzz tests relies on.
 */
final class Mutator {
  /** A mutated record: its bytes (may hold line breaks), what was done, and whether it may yield no row. */
  record Mutation(byte[] bytes, String op, boolean emptying) {}

  static final ObjectMapper WRITER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern TIME_KEY =
      Pattern.compile("(?i).*(time|date|created|updated|published|_at|timestamp|when|edited|posted).*");
  private static final Pattern TIME_VALUE = Pattern.compile(".*\\d{1,4}[-/:]\\d{1,2}.*|\\d{9,13}(\\.\\d+)?");
  private static final Pattern ID_KEY = Pattern.compile("(?i)(id|.*_id|.*Id|id_str|.*_ids?|guid|uri|url|link)");

  /** Timestamps a source should never have written: each must quarantine or be read as an instant, never crash. */
  static final List<Object> ABSURD_TIMES = List.of("", " ", "\t", "\u0001", "\u0001\u0002", "0", "-1", "now",
      "2020-02-30T00:00:00Z", "2020-13-45T25:61:61Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
      "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
      "2020-01-01T00:00:00+25:00", "2020-01-01T00:00:00+18:00", "2020-01-01 00:00:00.1234567891",
      "2020-01-01T00:00:00.000000000000000001Z", "Wed Feb 30 20:19:24 +0000 2018", "Wed Oct 10 20:19:24 +9999 2018",
      "Xyz Oct 10 20:19:24 +0000 2018", "Wed Oct 10 20:19:24 +0000 99999", "1e400", "NaN", "Infinity", "-1e20",
      "99999999999999", "9999999999999", "-9999999999999", "1.7976931348623157E308", "１２３４", "2020-01-01T00:00:00Z\u0000",
      "\uFEFF2020-01-01T00:00:00Z", "２０２０-01-01", -1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE, 1e300, -1e300,
      1e11, -1e11, 253402300800L, 253402300800000L, -62135596801L, Double.NaN, Double.POSITIVE_INFINITY, 1.5e-300,
      "@RAW:1e400", "@RAW:-1e400", "@RAW:NaN", "@RAW:-Infinity", "@RAW:123456789012345678901234567890");
  static final List<Object> ABSURD_IDS = List.of("", " ", "\u0000", "\u0001", "0", "-1", "1e30", "1.5", "NaN",
      "../../etc/passwd", "𝕏🦜", "\uFEFF123", "id with spaces", "\"quoted\"", "a,b", "a\nb", 0L, -1L,
      Long.MAX_VALUE, Long.MIN_VALUE, 1e30, 1.5, -0.0, true, "@RAW:123456789012345678901234567890",
      "@RAW:1e400", "@RAW:NaN");
  private static final List<String> ODD_STRINGS = List.of("", " ", "\t\n", "\u0000", "a\u0000b", "\u0001\u001f",
      "\uFEFF", "\u200B\u200E\u202E", "𝕏🦜👍🏽", "&amp;lt;&#x26;&bogus;", "<script>x</script>", "\\", "\"", "'",
      "@", "#", "@@@@", "####", "http://", "https://", "@a@b#c#d", "%s%n%d", "${jndi:ldap://x}", "\r\n\r\n",
      "@RAW:\"\\ud800\"", "@RAW:\"\\udc00\\ud800\"", "@RAW:\"a\\u0000b\"", "@RAW:\"\\uFEFF\"", "@RAW:\"\\u00e9\"");
  private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
      new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98});
  private static final List<String> STRAY_JSON = List.of("\"", "\n", "\r", "\r\n", "\\", "{", "}", "[", "]", ",",
      ":", "\"\"", "}\n{", "\n\n", " ", "/*", "//", "'", "\t");
  private static final List<String> STRAY_CSV = List.of("\"", "\n", "\r", "\r\n", ",", "\"\"", ",\"", "\",",
      "\n,", ";", "\t", "\"\n\"", "\\\"");
  private static final List<String> STRAY_XML = List.of("<", ">", "&", "&bogus;", "&#0;", "&#xD800;", "]]>",
      "<![CDATA[", "</item>", "<item>", "<!--", "\"", "'", "\n", "<?xml version=\"1.0\"?>",
      "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;");

  private final Random rnd;
  private final List<String> raws = new ArrayList<>();

  Mutator(long seed) {
    rnd = new Random(seed);
  }

  Random random() {
    return rnd;
  }

  // ---------------------------------------------------------------- JSON

  /** One to three tree mutations of a copy of {@code tree}, serialised on one line. */
  Mutation jsonTree(JsonNode tree) {
    JsonNode root = tree.deepCopy();
    int n = 1 + (rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(2) : 0);
    List<String> ops = new ArrayList<>();
    boolean emptying = false;
    raws.clear();
    for (int i = 0; i < n; i++) {
      Slot s;
      String op;
      int kind = rnd.nextInt(100);
      if (kind < 5) {
        // the whole record replaced by something of another type
        Object v = pick(List.of(0L, "text", "", true, "@RAW:NaN", "@RAW:1e400", "@NULL", "@EMPTY_ARRAY",
            "@EMPTY_OBJECT", "@WRAP_ARRAY", "@WRAP_OBJECT", "@DOUBLE"));
        JsonNode before = root;
        root = switch (String.valueOf(v)) {
          case "@WRAP_ARRAY" -> NODES.arrayNode().add(before);
          case "@WRAP_OBJECT" -> NODES.objectNode().set("record", before);
          case "@DOUBLE" -> NODES.arrayNode().add(before).add(before.deepCopy());
          default -> value(v);
        };
        emptying |= isEmptying(root);
        ops.add("top-level -> " + describe(v));
        continue;
      }
      List<Slot> slots = slots(root);
      if (slots.isEmpty()) {
        ops.add("no slot");
        continue;
      }
      if (kind < 20) {
        s = pick(slots);
        JsonNode removed = s.get();
        s.remove();
        // a container may hold the records (a page's "data", "items"): without it a page can be an empty one
        emptying |= s.parent.isEmpty() || removed.isContainerNode() && !removed.isEmpty();
        op = "drop " + s;
      } else if (kind < 30) {
        List<Slot> objects = objectSlots(root);
        ObjectNode o = (ObjectNode) pick(objects).get();
        String name = pick(List.of("fuzz_extra", "Extra Field", "", "_", "__proto__", "$where", "id2", "x.y",
            "é", "\u0000", "data_", "🦜"));
        JsonNode v = randomValue(2);
        o.set(name, v);
        op = "add field '" + name + "' = " + abbreviate(v);
      } else if (kind < 55) {
        s = pick(slots);
        JsonNode v = retype(s.get());
        s.set(v);
        emptying |= isEmptying(v);
        op = "retype " + s + " -> " + abbreviate(v);
      } else if (kind < 62) {
        s = pickWhere(slots, x -> x.get().isTextual());
        JsonNode v = value(pick(List.of("", " ", "\t", "\n", "\u00A0", "\u3000")));
        s.set(v);
        op = "empty string " + s;
      } else if (kind < 70) {
        s = pickWhere(slots, x -> x.get().isNumber());
        JsonNode v = value(pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L, 1e308, -1e308, 4.9e-324,
            "@RAW:1e400", "@RAW:-1e400", "@RAW:99999999999999999999999999999999", "@RAW:-0", "@RAW:NaN",
            "@RAW:Infinity", "@RAW:1.0e-400", "@BIG")));
        s.set(v);
        op = "huge number " + s + " -> " + abbreviate(v);
      } else if (kind < 80) {
        s = pickWhere(slots, x -> TIME_KEY.matcher(x.key()).matches()
            || x.get().isTextual() && TIME_VALUE.matcher(x.get().asText()).matches());
        Object t = pick(ABSURD_TIMES);
        s.set(value(t));
        op = "timestamp " + s + " -> " + describe(t);
      } else if (kind < 87) {
        s = pickWhere(slots, x -> ID_KEY.matcher(x.key()).matches());
        Object t = pick(ABSURD_IDS);
        s.set(value(t));
        op = "id " + s + " -> " + describe(t);
      } else if (kind < 92) {
        s = pick(slots);
        int depth = pick(List.of(10, 100, 199, 200, 201, 1000, 5000));
        String open = rnd.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        s.set(value("@RAW:" + open.repeat(depth) + "1" + close.repeat(depth)));
        op = "deep nesting " + depth + " at " + s;
      } else {
        s = pickWhere(slots, x -> x.get().isTextual());
        Object v = rnd.nextInt(50) == 0 ? "x".repeat(100_000) : pick(ODD_STRINGS);
        s.set(value(v));
        op = "odd string " + s + " -> " + describe(v);
      }
      ops.add(op);
    }
    return new Mutation(serialise(root), String.join("; ", ops), emptying);
  }

  /** Serialises with the raw texts (NaN, 1e400, lone surrogates, deep nesting) the writer cannot produce. */
  private byte[] serialise(JsonNode root) {
    try {
      String s = WRITER.writeValueAsString(root);
      for (int i = 0; i < raws.size(); i++) s = s.replace("\"@@FUZZRAW" + i + "@@\"", raws.get(i));
      return s.getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode value(Object v) {
    if (v instanceof String s) {
      if (s.startsWith("@RAW:")) {
        raws.add(s.substring(5));
        return TextNode.valueOf("@@FUZZRAW" + (raws.size() - 1) + "@@");
      }
      return switch (s) {
        case "@NULL" -> NullNode.getInstance();
        case "@EMPTY_ARRAY" -> NODES.arrayNode();
        case "@EMPTY_OBJECT" -> NODES.objectNode();
        case "@BIG" -> BigIntegerNode.valueOf(BigInteger.TEN.pow(40).negate());
        default -> TextNode.valueOf(s);
      };
    }
    if (v instanceof Long l) return LongNode.valueOf(l);
    if (v instanceof Double d) return DoubleNode.valueOf(d);
    if (v instanceof Boolean b) return BooleanNode.valueOf(b);
    throw new IllegalArgumentException(String.valueOf(v));
  }

  private static boolean isEmptying(JsonNode v) {
    return v.isNull() || v.isContainerNode() && v.isEmpty();
  }

  /** A value of another JSON type than {@code v}, derived from it where that makes sense. */
  private JsonNode retype(JsonNode v) {
    List<String> types = new ArrayList<>(List.of("string", "number", "object", "array", "null", "boolean"));
    types.remove(v.isTextual() ? "string" : v.isNumber() ? "number" : v.isObject() ? "object"
        : v.isArray() ? "array" : v.isNull() ? "null" : "boolean");
    String t = pick(types);
    return switch (t) {
      case "string" -> v.isContainerNode() ? TextNode.valueOf(v.toString())
          : v.isNull() ? TextNode.valueOf(pick(List.of("null", ""))) : TextNode.valueOf(v.asText());
      case "number" -> v.isTextual() && v.asText().trim().matches("-?\\d{1,18}")
          ? LongNode.valueOf(Long.parseLong(v.asText().trim()))
          : value(pick(List.of(0L, -1L, 42L, 1.5, 1e19, Long.MAX_VALUE, "@BIG")));
      case "object" -> rnd.nextInt(3) == 0 ? NODES.objectNode() : NODES.objectNode().set("value", v.deepCopy());
      case "array" -> rnd.nextInt(3) == 0 ? NODES.arrayNode() : NODES.arrayNode().add(v.deepCopy());
      case "null" -> NullNode.getInstance();
      default -> BooleanNode.valueOf(rnd.nextBoolean());
    };
  }

  private JsonNode randomValue(int depth) {
    int k = rnd.nextInt(depth > 0 ? 10 : 8);
    return switch (k) {
      case 0 -> TextNode.valueOf(pick(ODD_STRINGS.stream().filter(s -> !s.startsWith("@RAW:")).toList()));
      case 1 -> TextNode.valueOf("fuzz " + rnd.nextInt(1000));
      case 2 -> IntNode.valueOf(rnd.nextInt());
      case 3 -> LongNode.valueOf(rnd.nextLong());
      case 4 -> DoubleNode.valueOf(rnd.nextGaussian() * 1e10);
      case 5 -> BigIntegerNode.valueOf(BigInteger.TWO.pow(100));
      case 6 -> BooleanNode.valueOf(rnd.nextBoolean());
      case 7 -> NullNode.getInstance();
      case 8 -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = rnd.nextInt(3); i > 0; i--) a.add(randomValue(depth - 1));
        yield a;
      }
      default -> {
        ObjectNode o = NODES.objectNode();
        for (int i = rnd.nextInt(3); i > 0; i--) o.set("k" + i, randomValue(depth - 1));
        yield o;
      }
    };
  }

  /** A place in the tree: a field of an object or an element of an array. */
  private record Slot(ContainerNode<?> parent, String field, int index) {
    JsonNode get() {
      return parent instanceof ObjectNode o ? o.get(field) : ((ArrayNode) parent).get(index);
    }

    void set(JsonNode v) {
      if (parent instanceof ObjectNode o) o.set(field, v);
      else ((ArrayNode) parent).set(index, v);
    }

    void remove() {
      if (parent instanceof ObjectNode o) o.remove(field);
      else ((ArrayNode) parent).remove(index);
    }

    String key() {
      return field == null ? "" : field;
    }

    @Override
    public String toString() {
      return field != null ? "." + field : "[" + index + "]";
    }
  }

  private static List<Slot> slots(JsonNode root) {
    List<Slot> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(JsonNode n, List<Slot> out) {
    if (n instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(new Slot(o, e.getKey(), -1));
        collect(e.getValue(), out);
      }
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Slot(a, null, i));
        collect(a.get(i), out);
      }
    }
  }

  private static List<Slot> objectSlots(JsonNode root) {
    List<Slot> out = new ArrayList<>();
    if (root instanceof ObjectNode o) out.add(new Slot(NODES.arrayNode().add(o), null, 0));
    for (Slot s : slots(root)) if (s.get().isObject()) out.add(s);
    if (out.isEmpty()) out.add(new Slot(NODES.arrayNode().add(NODES.objectNode()), null, 0));
    return out;
  }

  private Slot pickWhere(List<Slot> slots, java.util.function.Predicate<Slot> p) {
    List<Slot> matching = slots.stream().filter(p).toList();
    return pick(matching.isEmpty() ? slots : matching);
  }

  /** Keeps the first {@code keep} elements of every array: a page of 100 tweets becomes a page of a few. */
  static JsonNode shrink(JsonNode n, int keep) {
    JsonNode c = n.deepCopy();
    shrinkInPlace(c, keep);
    return c;
  }

  private static void shrinkInPlace(JsonNode n, int keep) {
    if (n instanceof ArrayNode a) {
      while (a.size() > keep) a.remove(a.size() - 1);
    }
    for (JsonNode child : n) shrinkInPlace(child, keep);
  }

  // ---------------------------------------------------------------- bytes

  /** A byte-level mutation; {@code family} picks the stray characters that matter to the syntax. */
  Mutation bytes(byte[] b, FuzzSeeds.Family family) {
    int kind = rnd.nextInt(100);
    List<String> stray = switch (family) {
      case CSV -> STRAY_CSV;
      case XML -> STRAY_XML;
      default -> STRAY_JSON;
    };
    if (b.length == 0) return new Mutation(utf8(pick(stray)), "insert into empty", false);
    if (kind < 15) {
      int at = 1 + rnd.nextInt(Math.max(1, b.length - 1));
      return new Mutation(slice(b, 0, at), "truncate at byte " + at + " of " + b.length, false);
    }
    if (kind < 27) {
      byte[] c = b.clone();
      int n = 1 + rnd.nextInt(3);
      StringBuilder where = new StringBuilder();
      for (int i = 0; i < n; i++) {
        int at = rnd.nextInt(c.length);
        c[at] ^= (byte) (1 << rnd.nextInt(8));
        where.append(' ').append(at);
      }
      return new Mutation(c, "flip bits at" + where, false);
    }
    if (kind < 37) {
      byte[] ins = new byte[1 + rnd.nextInt(4)];
      rnd.nextBytes(ins);
      int at = rnd.nextInt(b.length + 1);
      return new Mutation(insert(b, at, ins), "insert " + ins.length + " random bytes at " + at, false);
    }
    if (kind < 47) {
      int len = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(16) : 1 + rnd.nextInt(4);
      int at = rnd.nextInt(b.length);
      len = Math.min(len, b.length - at);
      if (len >= b.length) len = b.length - 1;
      if (len <= 0) return new Mutation(b.clone(), "delete nothing", false);
      return new Mutation(concat(slice(b, 0, at), slice(b, at + len, b.length)), "delete " + len + " bytes at " + at,
          false);
    }
    if (kind < 57) {
      byte[] bad = pick(BAD_UTF8);
      int at = rnd.nextInt(b.length + 1);
      return new Mutation(insert(b, at, bad), "invalid UTF-8 at " + at, false);
    }
    if (kind < 64) {
      int at = rnd.nextInt(b.length + 1);
      return new Mutation(insert(b, at, new byte[1 + rnd.nextInt(3)]), "NUL at " + at, false);
    }
    if (kind < 82) {
      String s = pick(stray);
      int at = rnd.nextInt(b.length + 1);
      return new Mutation(insert(b, at, utf8(s)), "insert " + printable(s) + " at " + at, false);
    }
    if (kind < 86) {
      int at = rnd.nextBoolean() ? 0 : rnd.nextInt(b.length + 1);
      return new Mutation(insert(b, at, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), "BOM at " + at, false);
    }
    if (kind < 91) {
      // cut inside a multi-byte character when there is one (a truncation at a byte, not a character, boundary)
      for (int tries = 0; tries < 20; tries++) {
        int at = 1 + rnd.nextInt(Math.max(1, b.length - 1));
        if (at < b.length && (b[at] & 0xC0) == 0x80) return new Mutation(slice(b, 0, at), "cut inside a character at " + at, false);
      }
      int at = 1 + rnd.nextInt(Math.max(1, b.length - 1));
      return new Mutation(slice(b, 0, at), "truncate at byte " + at, false);
    }
    if (kind < 95) {
      // replace a run of bytes by the same run repeated (a stuttering writer)
      int at = rnd.nextInt(b.length);
      int len = Math.min(b.length - at, 1 + rnd.nextInt(40));
      return new Mutation(insert(b, at, slice(b, at, at + len)), "repeat " + len + " bytes at " + at, false);
    }
    if (kind < 99 || rnd.nextInt(5) > 0) {
      // a CR LF line ending, or a lone CR, at the end
      return new Mutation(concat(b, utf8(rnd.nextBoolean() ? "\r" : " \t ")), "trailing CR/whitespace", false);
    }
    // a very long record: the text repeated many times over
    byte[] c = b;
    while (c.length < 100_000) c = concat(c, b);
    return new Mutation(c, "repeated to " + c.length + " bytes", false);
  }

  // ---------------------------------------------------------------- CSV

  /** A field-level mutation of a CSV record: one field replaced, a field dropped or added. */
  Mutation csvFields(byte[] record, List<String> header, CsvDialect d) {
    List<String> f = Csv.split(new String(record, d.charset()), d);
    int kind = rnd.nextInt(100);
    String op;
    if (kind < 15 && f.size() > 1) {
      int i = rnd.nextInt(f.size());
      f.remove(i);
      op = "drop field " + i;
    } else if (kind < 25) {
      int i = rnd.nextInt(f.size() + 1);
      f.add(i, pick(List.of("", "extra", "1", "True", "\"")));
      op = "add field at " + i;
    } else {
      int i = rnd.nextInt(f.size());
      String name = i < header.size() ? header.get(i).trim().toLowerCase(java.util.Locale.ROOT) : "";
      Object v;
      if (TIME_KEY.matcher(name).matches() && rnd.nextInt(3) > 0) v = pick(ABSURD_TIMES);
      else if (ID_KEY.matcher(name).matches() && rnd.nextInt(3) > 0) v = pick(ABSURD_IDS);
      else v = pick(List.of("", " ", "True", "False", "TRUE", "maybe", "1", "-1", "0", "1.0", "1e400", "NaN",
          "99999999999999999999999999", "\u0001", "\u0000", "x".repeat(100_000), "a\nb", "a\r\nb", "\"\"", "a,b",
          "𝕏🦜", "\uFEFF", "&amp;&lt;&#0;", "=cmd|' /C calc'!A0"));
      String s = v instanceof Double x && x.isNaN() ? "NaN" : String.valueOf(v);
      if (s.startsWith("@RAW:")) s = s.substring(5);
      f.set(i, s);
      op = "field " + i + (name.isEmpty() ? "" : " (" + name + ")") + " -> " + printable(abbreviate(s));
    }
    return new Mutation(Csv.join(f, d).getBytes(d.charset()), op, false);
  }

  // ---------------------------------------------------------------- helpers

  <T> T pick(List<T> items) {
    return items.get(rnd.nextInt(items.size()));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  static byte[] insert(byte[] b, int at, byte[] ins) {
    return concat(concat(slice(b, 0, at), ins), slice(b, at, b.length));
  }

  static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream o = new ByteArrayOutputStream(a.length + b.length);
    o.writeBytes(a);
    o.writeBytes(b);
    return o.toByteArray();
  }

  private static String abbreviate(Object v) {
    String s = String.valueOf(v);
    return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
  }

  private static String describe(Object v) {
    return printable(abbreviate(v instanceof String s ? "'" + s + "'" : v));
  }

  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c == 0x7F || c == 0xFEFF) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.toString();
  }

  /** Minimal RFC 4180 splitting and joining in a dialect (separator, quote), for mutating one field of a record. */
  static final class Csv {
    private Csv() {}

    static List<String> split(String record, CsvDialect d) {
      char sep = d.separator();
      char q = d.quote();
      List<String> out = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < record.length(); i++) {
        char c = record.charAt(i);
        if (quoted) {
          if (c == q && i + 1 < record.length() && record.charAt(i + 1) == q) {
            cur.append(q);
            i++;
          } else if (c == q) {
            quoted = false;
          } else {
            cur.append(c);
          }
        } else if (c == sep) {
          out.add(cur.toString());
          cur.setLength(0);
        } else if (q != 0 && c == q && cur.isEmpty()) {
          quoted = true;
        } else {
          cur.append(c);
        }
      }
      out.add(cur.toString());
      return out;
    }

    static String join(List<String> fields, CsvDialect d) {
      char sep = d.separator();
      char q = d.quote();
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) b.append(sep);
        String f = fields.get(i);
        boolean needs = f.indexOf(sep) >= 0 || q != 0 && f.indexOf(q) >= 0 || f.indexOf('\n') >= 0
            || f.indexOf('\r') >= 0;
        if (needs && q != 0) {
          String qs = String.valueOf(q);
          b.append(q).append(f.replace(qs, qs + qs)).append(q);
        } else {
          b.append(f);
        }
      }
      return b.toString();
    }

    /**
     * Whether a quoted field is open after {@code text}, read from a closed state: a quote opens a field only
     * at its start (elsewhere it is text, as readers of real exports take it), a doubled quote is a quote.
     */
    static boolean endsOpen(String text, CsvDialect d) {
      char q = d.quote();
      if (q == 0) return false;
      boolean open = false;
      boolean atStart = true;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (open) {
          if (c == q && i + 1 < text.length() && text.charAt(i + 1) == q) i++;
          else if (c == q) open = false;
          atStart = false;
        } else if (c == d.separator() || c == '\n') {
          atStart = true;
        } else {
          if (c == q && atStart) open = true;
          atStart = false;
        }
      }
      return open;
    }

    /** Physical lines grouped into records: a record goes on while a quoted field is open. */
    static List<String> records(List<String> lines, CsvDialect d) {
      List<String> out = new ArrayList<>();
      StringBuilder cur = null;
      for (String l : lines) {
        if (cur == null) {
          if (l.isBlank()) continue;
          cur = new StringBuilder(l);
        } else {
          cur.append('\n').append(l);
        }
        if (!endsOpen(cur.toString(), d)) {
          out.add(cur.toString());
          cur = null;
        }
      }
      if (cur != null) out.add(cur.toString());
      return out;
    }
  }

  static Map<String, Long> histogram(List<String> ops) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String o : ops) m.merge(o.split(" ")[0], 1L, Long::sum);
    return m;
  }
}
