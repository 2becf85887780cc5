import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes N synthetic subjects as CSV (email,phone,name,since), the same bytes for the same N and
 * seed. Every email, phone and name is unique, so each row is one new subject. Run as a single-file
 * program: java bench/GenerateSubjects.java N OUT.csv[.gz] [SEED]
 */
public final class GenerateSubjects {
  private static final String[] SYLLABLES = {
    "an", "bel", "cor", "da", "el", "fin", "gar", "hal", "is", "jo", "ka", "lin", "mar", "no",
    "or", "pet", "qui", "ros", "sa", "tor", "ul", "ve", "wen", "xa", "yor", "zel"
  };

  public static void main(String[] args) throws IOException {
    int count = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    Random random = new Random(seed);
    String[] first = names(random, 200);
    String[] last = names(random, 200);
    var stream = Files.newOutputStream(out);
    var sink = out.toString().endsWith(".gz") ? new GZIPOutputStream(stream, 1 << 16) : stream;
    try (BufferedWriter writer =
        new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16)) {
      writer.write("email,phone,name,since\n");
      for (int i = 0; i < count; i++) {
        // 200 first names x 26 initials x 200 last names: unique up to 1,040,000 rows.
        String f = first[i % 200];
        char initial = (char) ('A' + (i / 200) % 26);
        String l = last[(i / 5200) % 200] + (i >= 1_040_000 ? Integer.toString(i / 1_040_000) : "");
        String email = f.toLowerCase() + "." + l.toLowerCase() + "." + i + "@example.com";
        String phone = "+44 7" + String.format("%09d", 400_000_000 + i);
        String since = String.format("20%02d-%02d-%02d", 10 + random.nextInt(15),
            1 + random.nextInt(12), 1 + random.nextInt(28));
        writer.write(email + "," + phone + ",\"" + f + " " + initial + ". " + l + "\"," + since + "\n");
      }
    }
  }

  private static String[] names(Random random, int count) {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    while (names.size() < count) {
      String name = SYLLABLES[random.nextInt(SYLLABLES.length)]
          + SYLLABLES[random.nextInt(SYLLABLES.length)]
          + SYLLABLES[random.nextInt(SYLLABLES.length)];
      names.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }
    return names.toArray(new String[0]);
  }
}
