package io.megaphone.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Parameters are documented once, in {@link Parameter}; the README's table must be what the code generates. */
class ReadmeParametersTest {
  @Test
  void readmeTableIsGeneratedFromTheCode() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String begin = "<!-- params:begin -->\n";
    String table = readme.substring(readme.indexOf(begin) + begin.length(), readme.indexOf("<!-- params:end -->"));
    assertThat(table).as("README parameter table; regenerate with: jobs/run-local params")
        .isEqualTo(Parameter.markdownTable());
  }
}
