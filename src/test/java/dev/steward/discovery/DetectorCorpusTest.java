package dev.steward.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of each value detector over a generated, labelled corpus: 400 values of each
 * type and 4,800 look-alikes (order numbers, near-card numbers, UUIDs, prices, recent dates,
 * product names, IBAN-shaped strings with wrong checks, bare digit runs, versions, sentences, hex
 * ids). BENCHMARKS.md reports the figures this prints; the floors keep them from sliding.
 */
class DetectorCorpusTest {
  private static final Map<PersonalDataType, Double> FLOOR_PRECISION =
      new EnumMap<>(PersonalDataType.class);
  private static final Map<PersonalDataType, Double> FLOOR_RECALL =
      new EnumMap<>(PersonalDataType.class);

  static {
    for (PersonalDataType type : PersonalDataType.values()) {
      FLOOR_PRECISION.put(type, 0.95);
      FLOOR_RECALL.put(type, 0.95);
    }
    // No checksum: shapes and word lists only; the column name carries the rest.
    FLOOR_RECALL.put(PersonalDataType.NAME, 0.90);
    FLOOR_RECALL.put(PersonalDataType.ADDRESS, 0.90);
    FLOOR_PRECISION.put(PersonalDataType.DATE_OF_BIRTH, 0.90);
    // One in ten 16-digit runs starting 4 passes Luhn: look-alike order numbers are reported.
    FLOOR_PRECISION.put(PersonalDataType.PAYMENT_CARD, 0.85);
  }

  @Test
  void detectors_labelledCorpus_meetTheirFloors() {
    Samples samples = new Samples(2026);
    Detectors detectors = new Detectors("US", LocalDate.of(2026, 12, 5));
    Map<PersonalDataType, Supplier<String>> makers = new EnumMap<>(PersonalDataType.class);
    makers.put(PersonalDataType.EMAIL, samples::email);
    makers.put(PersonalDataType.PHONE, samples::phone);
    makers.put(PersonalDataType.IPV4, samples::ipv4);
    makers.put(PersonalDataType.IPV6, samples::ipv6);
    makers.put(PersonalDataType.PAYMENT_CARD, samples::card);
    makers.put(PersonalDataType.IBAN, samples::iban);
    makers.put(PersonalDataType.US_SSN, samples::ssn);
    makers.put(PersonalDataType.UK_NINO, samples::nino);
    makers.put(PersonalDataType.CN_RESIDENT_ID, samples::chinaId);
    makers.put(PersonalDataType.DATE_OF_BIRTH, samples::birthDate);
    makers.put(PersonalDataType.NAME, samples::name);
    makers.put(PersonalDataType.ADDRESS, samples::address);
    List<Labelled> corpus = new ArrayList<>();
    makers.forEach(
        (type, maker) -> {
          for (int i = 0; i < 400; i++) {
            corpus.add(new Labelled(maker.get(), type));
          }
        });
    for (int i = 0; i < 4800; i++) {
      corpus.add(new Labelled(samples.lookAlike(), null));
    }
    Map<PersonalDataType, int[]> counts = new EnumMap<>(PersonalDataType.class);
    for (Labelled item : corpus) {
      Set<PersonalDataType> found = detectors.classify(item.value());
      for (PersonalDataType type : PersonalDataType.values()) {
        int[] c = counts.computeIfAbsent(type, t -> new int[3]); // tp, fp, fn
        boolean truth = type == item.type();
        boolean said = found.contains(type);
        if (truth && said) {
          c[0]++;
        } else if (said) {
          c[1]++;
        } else if (truth) {
          c[2]++;
        }
      }
    }
    StringBuilder table = new StringBuilder("| type | precision | recall |\n|---|---:|---:|\n");
    for (PersonalDataType type : PersonalDataType.values()) {
      int[] c = counts.get(type);
      double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double recall = (double) c[0] / (c[0] + c[2]);
      table.append(
          String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", type.id(), precision, recall));
      assertThat(precision)
          .as("precision of %s", type)
          .isGreaterThanOrEqualTo(FLOOR_PRECISION.get(type));
      assertThat(recall).as("recall of %s", type).isGreaterThanOrEqualTo(FLOOR_RECALL.get(type));
    }
    System.out.print(table);
    try {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target", "discovery-corpus.md"), table);
    } catch (java.io.IOException e) {
      // The figures are also on standard output.
    }
  }

  private record Labelled(String value, PersonalDataType type) {}
}
