package dev.steward.logscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlocksTest {
  @TempDir Path root;

  @Test
  void read_segmentsOfAnySize_readEveryLineExactlyOnce() throws IOException {
    Random random = new Random(3);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("x".repeat(random.nextInt(300))).append('\n');
    }
    text.append("last line without newline");
    Path file = root.resolve("f.log");
    Files.writeString(file, text);
    long size = Files.size(file);
    for (int segment : new int[] {1, 7, 100, 4096, 65536, (int) size, (int) size + 5}) {
      long[] bytes = {0};
      long[] lines = {0};
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        for (long start = 0; start < size; start += segment) {
          new Blocks(1024)
              .read(
                  Blocks.of(channel, start == 0 ? 0 : start - 1),
                  start,
                  Math.min(size, start + segment),
                  (block, from, to, base) -> {
                    if (base != bytes[0]) {
                      throw new AssertionError(
                          "segment "
                              + segment
                              + " block at "
                              + base
                              + " expected "
                              + bytes[0]
                              + " len "
                              + (to - from));
                    }
                    bytes[0] += to - from;
                    for (int i = from; i < to; i++) {
                      lines[0] += block[i] == '\n' ? 1 : 0;
                    }
                  });
        }
      }
      assertThat(bytes[0]).as("segment %d", segment).isEqualTo(size);
      assertThat(lines[0]).as("segment %d", segment).isEqualTo(5000);
    }
  }
}
