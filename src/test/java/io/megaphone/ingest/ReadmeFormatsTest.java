package io.megaphone.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's format table lists exactly the registered formats, each with an example command. */
class ReadmeFormatsTest {
  @Test
  void everyRegisteredFormatHasARowWithAnExample() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String begin = "<!-- formats:begin -->\n";
    String table = readme.substring(readme.indexOf(begin) + begin.length(), readme.indexOf("<!-- formats:end -->"));
    List<String> names = new ArrayList<>();
    for (String line : table.split("\n")) {
      if (!line.startsWith("| `")) continue;
      String name = line.substring(3, line.indexOf('`', 3));
      names.add(name);
      String[] cells = line.split("\\| ");
      assertThat(cells[cells.length - 1]).as("example of " + name).contains("jobs/run-local run");
    }
    assertThat(names).as("README formats table, in registration order (jobs/run-local formats)")
        .containsExactlyElementsOf(SourceFormats.all().keySet());
  }
}
