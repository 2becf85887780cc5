package dev.steward.cli;

import dev.steward.error.InvalidInputException;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.StarterPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward policy init FILE}: writes a company's own starting policy from its entities, their
 * contact details and the laws it answers to. Flags suffice; at a terminal, what the flags leave
 * out is asked for.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Write a starting policy file for your own company, which passes 'policy check'.",
      "Repeat --entity (with its --country and channels) for each legal entity."
    })
final class PolicyInitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The policy file to write (YAML).")
  Path file;

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  List<EntityOptions> entities = new ArrayList<>();

  @Option(
      names = "--jurisdiction",
      split = ",",
      paramLabel = "LAW",
      description = "A law whose rights apply: gdpr, uk_gdpr, ccpa, pipl, hk_pdpo, coppa.")
  List<String> jurisdictions = new ArrayList<>();

  @Option(names = "--label", paramLabel = "VERSION", description = "The version label (default 1).")
  String label = "1";

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  /** One legal entity and its contact details. */
  static final class EntityOptions {
    @Option(names = "--entity", required = true, paramLabel = "LEGAL NAME")
    String legalName;

    @Option(names = "--country", required = true, paramLabel = "CC")
    String country;

    @Option(names = "--email", paramLabel = "ADDRESS")
    String email;

    @Option(names = "--phone", paramLabel = "NUMBER")
    String phone;

    @Option(names = "--post", paramLabel = "ADDRESS")
    String post;

    @Option(names = "--web", paramLabel = "URL")
    String web;

    StarterPolicy.Company company() {
      return new StarterPolicy.Company(
          legalName.strip(),
          country.strip().toUpperCase(Locale.ROOT),
          text(email),
          text(phone),
          text(post),
          text(web));
    }
  }

  private final Clock clock;
  private final BufferedReader in;
  private final boolean interactive;

  /**
   * @param in where answers are read when {@code interactive}
   * @param interactive whether a person at a terminal can answer what the flags leave out
   */
  PolicyInitCommand(Clock clock, BufferedReader in, boolean interactive) {
    this.clock = clock;
    this.in = in;
    this.interactive = interactive;
  }

  @Override
  public Integer call() throws IOException {
    if (Files.exists(file) && !force) {
      throw new InvalidInputException(file + " exists; choose another file or add --force");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<StarterPolicy.Company> companies = new ArrayList<>();
    entities.forEach(entity -> companies.add(entity.company()));
    List<String> laws = new ArrayList<>(jurisdictions.stream().map(String::strip).toList());
    if (interactive && companies.isEmpty()) {
      askEntities(out, companies);
    }
    if (interactive && laws.isEmpty()) {
      out.print("Laws whose rights apply (gdpr, uk_gdpr, ccpa, pipl, hk_pdpo, coppa): ");
      out.flush();
      laws.addAll(Arrays.stream(read().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList());
    }
    LocalDate today = LocalDate.now(clock);
    StarterPolicy.Written written =
        new StarterPolicy(new PolicyChecker(clock))
            .write(new StarterPolicy.Request(companies, laws, today, label));
    Files.writeString(file, written.yaml(), StandardCharsets.UTF_8);
    int warnings = written.report().warnings().size();
    out.println(
        "wrote "
            + file
            + ": valid, with "
            + warnings
            + (warnings == 1 ? " value" : " values")
            + " still to state; 'steward policy check "
            + file
            + "' lists them, 'steward policy publish "
            + file
            + "' puts it in force");
    out.flush();
    return StewardCommand.OK;
  }

  private void askEntities(PrintWriter out, List<StarterPolicy.Company> companies) {
    while (true) {
      out.print(
          companies.isEmpty()
              ? "Legal name of the company: "
              : "Legal name of another entity (empty to finish): ");
      out.flush();
      String name = read();
      if (name.isEmpty()) {
        if (companies.isEmpty()) {
          continue;
        }
        return;
      }
      out.print("Country (ISO code, e.g. DE): ");
      out.flush();
      String country = read().toUpperCase(Locale.ROOT);
      out.print("Email address for privacy questions (empty for none): ");
      out.flush();
      Optional<String> email = text(read());
      out.print("Postal address (empty for none): ");
      out.flush();
      Optional<String> post = text(read());
      companies.add(
          new StarterPolicy.Company(
              name, country, email, Optional.empty(), post, Optional.empty()));
    }
  }

  private String read() {
    try {
      String line = in.readLine();
      if (line == null) {
        throw new InvalidInputException("the input ended before the policy was complete");
      }
      return line.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> text(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
