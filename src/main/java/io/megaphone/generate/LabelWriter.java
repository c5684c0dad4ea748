package io.megaphone.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Per-post truth (--labels): what each post was planted as, for tests that check metrics post by post. */
final class LabelWriter implements AutoCloseable {
  static final String[] HEADER = {"platform", "post_id", "account_id", "brand", "role", "kind", "copy", "content_group",
      "flags", "inbound_brands", "question", "answers_brand", "response_s"};
  private final CSVPrinter csv;
  private final World world;

  LabelWriter(OutputStream out, World world) throws IOException {
    this.world = world;
    csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(HEADER).get());
  }

  void write(List<SyntheticPost> block) throws IOException {
    for (SyntheticPost p : block) {
      csv.printRecord(p.platform, p.id, p.accountId(), p.byBrand() ? name(p.account.brand()) : "",
          p.role.name().toLowerCase(), p.kind == null ? "" : p.kind.name().toLowerCase(),
          p.copy == null ? "" : p.copy.name().toLowerCase(), p.group < 0 ? "" : p.group, Flags.names(p.text.flags()),
          p.inbound == null ? "" : Arrays.stream(p.inbound).mapToObj(this::name).collect(Collectors.joining("|")),
          p.inbound == null ? "" : p.question, p.answersBrand < 0 ? "" : name(p.answersBrand),
          p.answersBrand < 0 ? "" : p.responseSeconds);
    }
  }

  private String name(int brand) {
    return world.brands.get(brand).name();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
