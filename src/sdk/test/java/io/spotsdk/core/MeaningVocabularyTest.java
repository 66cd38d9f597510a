package io.spotsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Meaning} is the one place Java names the outcome vocabulary, because the classifier gives each meaning its
 * behaviour. It must be exactly the spec's {@code info.x-spot-meanings}, in the spec's order: the generated
 * descriptors name a Meaning constant for every status (a spec word Java lacks fails the compile), and this test
 * catches a Java word the spec lacks.
 */
class MeaningVocabularyTest {
  @Test
  void meaningIsTheSpecsVocabulary() throws IOException {
    List<String> spec = vocabulary(Path.of("spec", "common", "spot-common.yaml"));
    List<String> java = Arrays.stream(Meaning.values()).map(Enum::name).toList();
    assertEquals(spec, java);
  }

  /** The keys of info.x-spot-meanings: the lines indented one level deeper than it, up to the next key of info. */
  static List<String> vocabulary(Path file) throws IOException {
    List<String> keys = new ArrayList<>();
    boolean inside = false;
    Pattern key = Pattern.compile("^    ([A-Z_]+):");
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("  x-spot-meanings:")) {
        inside = true;
      } else if (inside) {
        Matcher m = key.matcher(line);
        if (m.find()) {
          keys.add(m.group(1));
        } else if (!line.startsWith("     ")) {
          break;
        }
      }
    }
    return keys;
  }
}
