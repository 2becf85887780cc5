package dev.steward.cli;

import dev.steward.error.InvalidInputException;
import dev.steward.policy.CheckReport;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.Problem;
import dev.steward.policy.documents.DocumentFormat;
import dev.steward.policy.documents.DocumentKind;
import dev.steward.policy.documents.DocumentLanguage;
import dev.steward.policy.documents.PdfFont;
import dev.steward.policy.documents.PolicyDocuments;
import dev.steward.policy.documents.RenderedDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code steward policy render|ropa|subprocessors|transfers FILE}: write a document generated from
 * a policy file to standard output or {@code --out}. An invalid policy prints its located problems
 * and exits 2, as {@code policy check} does; a bad option exits 2 with the allowed values.
 */
public final class PolicyDocumentCommands {
  private PolicyDocumentCommands() {}

  /** What every document command shares; subclasses name the document. */
  abstract static class DocumentCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The policy file (YAML).")
    Path file;

    @Option(names = "--lang", paramLabel = "LANG", description = "en or zh-CN (default: en).")
    String lang = "en";

    @Option(names = "--out", paramLabel = "F", description = "Write to this file, not stdout.")
    Path out;

    @Option(
        names = "--font",
        paramLabel = "TTF",
        description =
            "TrueType font with Chinese glyphs for PDF (default: $STEWARD_PDF_FONT, else the"
                + " bundled Noto Sans SC).")
    Path font;

    private final Clock clock;
    private final PolicyDocuments documents;

    DocumentCommand(Clock clock, PolicyDocuments documents) {
      this.clock = clock;
      this.documents = documents;
    }

    abstract DocumentKind kind();

    abstract String format();

    @Override
    public Integer call() throws IOException {
      DocumentFormat format;
      DocumentLanguage language;
      try {
        format = kind().format(format());
        language = DocumentLanguage.fromTag(lang);
      } catch (InvalidInputException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      if (format == DocumentFormat.PDF && out == null) {
        throw new ParameterException(spec.commandLine(), "PDF output needs --out FILE");
      }
      CheckReport report = new PolicyChecker(clock).check(file);
      if (report.hasErrors()) {
        PrintWriter err = spec.commandLine().getErr();
        report.errors().stream().map(Problem::format).forEach(err::println);
        err.println(file + ": the policy is not valid; nothing was written");
        err.flush();
        return PolicyCommand.EXIT_INVALID;
      }
      PolicyDocuments writer =
          font == null ? documents : new PolicyDocuments(() -> PdfFont.locate(Optional.of(font)));
      RenderedDocument rendered = writer.render(kind(), report.orThrow(), language, format);
      if (out == null) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(new String(rendered.content(), StandardCharsets.UTF_8));
        stdout.flush();
      } else {
        Files.write(out, rendered.content());
      }
      return 0;
    }
  }

  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description = "Write the privacy notice generated from a policy file.")
  public static final class Render extends DocumentCommand {
    @Option(names = "--format", paramLabel = "FMT", description = "html or md (default: html).")
    String format = "html";

    public Render() {
      this(Clock.systemUTC(), PolicyDocuments.withSystemFont());
    }

    public Render(Clock clock, PolicyDocuments documents) {
      super(clock, documents);
    }

    @Override
    DocumentKind kind() {
      return DocumentKind.NOTICE;
    }

    @Override
    String format() {
      return format;
    }
  }

  @Command(
      name = "ropa",
      mixinStandardHelpOptions = true,
      description = "Write the record of processing activities (GDPR Art. 30).")
  public static final class Ropa extends DocumentCommand {
    @Option(
        names = "--format",
        paramLabel = "FMT",
        description = "csv, json, html or pdf (default: csv); pdf needs --out.")
    String format = "csv";

    public Ropa() {
      this(Clock.systemUTC(), PolicyDocuments.withSystemFont());
    }

    public Ropa(Clock clock, PolicyDocuments documents) {
      super(clock, documents);
    }

    @Override
    DocumentKind kind() {
      return DocumentKind.PROCESSING_RECORD;
    }

    @Override
    String format() {
      return format;
    }
  }

  @Command(
      name = "subprocessors",
      mixinStandardHelpOptions = true,
      description = "Write the list of processors and sub-processors.")
  public static final class SubProcessors extends RegisterCommand {
    public SubProcessors() {
      this(Clock.systemUTC(), PolicyDocuments.withSystemFont());
    }

    public SubProcessors(Clock clock, PolicyDocuments documents) {
      super(clock, documents, DocumentKind.SUB_PROCESSORS);
    }
  }

  @Command(
      name = "transfers",
      mixinStandardHelpOptions = true,
      description = "Write the register of cross-border transfers and their safeguards.")
  public static final class Transfers extends RegisterCommand {
    public Transfers() {
      this(Clock.systemUTC(), PolicyDocuments.withSystemFont());
    }

    public Transfers(Clock clock, PolicyDocuments documents) {
      super(clock, documents, DocumentKind.TRANSFERS);
    }
  }

  abstract static class RegisterCommand extends DocumentCommand {
    @Option(
        names = "--format",
        paramLabel = "FMT",
        description = "csv, json or html (default: csv).")
    String format = "csv";

    private final DocumentKind kind;

    RegisterCommand(Clock clock, PolicyDocuments documents, DocumentKind kind) {
      super(clock, documents);
      this.kind = kind;
    }

    @Override
    DocumentKind kind() {
      return kind;
    }

    @Override
    String format() {
      return format;
    }
  }
}
