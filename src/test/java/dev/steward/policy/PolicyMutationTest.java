package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random damage to the bundled policy never crashes the checker, and every problem it reports is
 * located inside the damaged text.
 */
class PolicyMutationTest {
  private static final List<String> LINES = PolicyChecker.bundledText().lines().toList();
  private static final List<String> GARBAGE =
      List.of(
          ":",
          "- ",
          "[",
          "]",
          "{",
          "}",
          "&a",
          "*a",
          "!!binary",
          "\"",
          "'",
          "\t",
          "? x",
          "---",
          "%YAML",
          "unstated",
          "@",
          "`",
          "|",
          ">",
          "#",
          "\u0000",
          "\uFFFF",
          "12345678901234567890");

  @Property(tries = 1000)
  void check_mutatedBundledPolicy_neverThrowsAndLocatesEveryProblem(
      @ForAll("mutations") List<Mutation> mutations) {
    List<String> lines = new ArrayList<>(LINES);
    for (Mutation mutation : mutations) {
      mutation.apply(lines);
    }
    String text = String.join("\n", lines);

    CheckReport report = Fixtures.checker().check("mutated.yaml", text);

    long lineCount = text.lines().count();
    assertThat(report.problems())
        .allSatisfy(
            problem -> {
              assertThat(problem.file()).isEqualTo("mutated.yaml");
              assertThat(problem.line()).isBetween(1, (int) lineCount + 1);
              assertThat(problem.column()).isGreaterThanOrEqualTo(1);
              assertThat(problem.message()).isNotBlank();
            });
    assertThat(report.policy().isPresent()).isEqualTo(!report.hasErrors());
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return mutation().list().ofMinSize(1).ofMaxSize(4);
  }

  private Arbitrary<Mutation> mutation() {
    Arbitrary<Integer> line = Arbitraries.integers().between(0, LINES.size() - 1);
    Arbitrary<Integer> small = Arbitraries.integers().between(0, 200);
    return Combinators.combine(
            Arbitraries.of(Kind.values()), line, line, small, Arbitraries.of(GARBAGE))
        .as(Mutation::new);
  }

  enum Kind {
    DELETE,
    DUPLICATE,
    SWAP,
    INDENT,
    DEDENT,
    GARBAGE,
    TRUNCATE
  }

  /** One edit of the line list; indices wrap so they always fit the current length. */
  record Mutation(Kind kind, int first, int second, int amount, String garbage) {
    void apply(List<String> lines) {
      if (lines.isEmpty()) {
        return;
      }
      int i = first % lines.size();
      int j = second % lines.size();
      String line = lines.get(i);
      switch (kind) {
        case DELETE -> lines.remove(i);
        case DUPLICATE -> lines.add(i, line);
        case SWAP -> {
          lines.set(i, lines.get(j));
          lines.set(j, line);
        }
        case INDENT -> lines.set(i, " ".repeat(1 + amount % 4) + line);
        case DEDENT -> lines.set(i, line.substring(Math.min(line.length(), 1 + amount % 4)));
        case GARBAGE -> {
          int at = line.isEmpty() ? 0 : amount % line.length();
          int end = Math.min(line.length(), at + 1 + amount % 7);
          lines.set(i, line.substring(0, at) + garbage + line.substring(end));
        }
        case TRUNCATE -> {
          lines.subList(i, lines.size()).clear();
          if (!line.isEmpty()) {
            lines.add(line.substring(0, amount % line.length()));
          }
        }
      }
    }
  }
}
