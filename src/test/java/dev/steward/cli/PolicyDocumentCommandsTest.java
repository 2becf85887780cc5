package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.PolicyChecker;
import dev.steward.policy.documents.PdfFont;
import dev.steward.policy.documents.PolicyDocuments;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyDocumentCommandsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  private static final PolicyDocuments DOCUMENTS =
      new PolicyDocuments(() -> PdfFont.locate(Optional.empty()));

  @TempDir Path dir;
  private Path policy;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeBundledPolicy() throws IOException {
    policy = Files.writeString(dir.resolve("policy.yaml"), PolicyChecker.bundledText());
  }

  private int run(String... args) {
    CommandLine line =
        new CommandLine(
            new PolicyCommand(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                if (type == PolicyDocumentCommands.Render.class) {
                  return type.cast(new PolicyDocumentCommands.Render(CLOCK, DOCUMENTS));
                }
                if (type == PolicyDocumentCommands.Ropa.class) {
                  return type.cast(new PolicyDocumentCommands.Ropa(CLOCK, DOCUMENTS));
                }
                if (type == PolicyDocumentCommands.SubProcessors.class) {
                  return type.cast(new PolicyDocumentCommands.SubProcessors(CLOCK, DOCUMENTS));
                }
                if (type == PolicyDocumentCommands.Transfers.class) {
                  return type.cast(new PolicyDocumentCommands.Transfers(CLOCK, DOCUMENTS));
                }
                return CommandLine.defaultFactory().create(type);
              }
            });
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    return line.execute(args);
  }

  @Test
  void render_markdownInChinese_printsTheNoticeToStdout() {
    int code = run("render", policy.toString(), "--format", "md", "--lang", "zh-CN");

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("# 隐私声明").contains("## <a id=\"rights\"></a>");
  }

  @Test
  void render_htmlToAFile_writesTheCompletePage() throws IOException {
    Path page = dir.resolve("notice.html");

    int code = run("render", policy.toString(), "--format", "html", "--out", page.toString());

    assertThat(code).isZero();
    assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("lang=\"en\"");
  }

  @Test
  void ropa_pdfToAFile_writesAPdf() throws IOException {
    Path pdf = dir.resolve("ropa.pdf");

    int code = run("ropa", policy.toString(), "--format", "pdf", "--out", pdf.toString());

    assertThat(code).isZero();
    assertThat(Files.readAllBytes(pdf)).startsWith('%', 'P', 'D', 'F');
  }

  @Test
  void ropa_pdfWithoutOut_exits2() {
    int code = run("ropa", policy.toString(), "--format", "pdf");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("PDF output needs --out FILE");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void ropa_unknownFormat_exits2NamingTheAllowedOnes() {
    int code = run("ropa", policy.toString(), "--format", "doc");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown format 'doc'; use one of csv, json, html, pdf");
  }

  @Test
  void render_invalidPolicy_exits2WithTheLocatedProblemsAndWritesNothing() throws IOException {
    Files.writeString(
        policy, PolicyChecker.bundledText().replace("[dpv:Contract]", "[dpv:Contrakt]"));
    Path page = dir.resolve("notice.html");

    int code = run("render", policy.toString(), "--out", page.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(policy + ":")
        .contains("error: 'dpv:Contrakt' is not a W3C DPV legal basis")
        .contains("the policy is not valid; nothing was written");
    assertThat(page).doesNotExist();
  }

  @Test
  void subprocessorsAndTransfers_printCsv() {
    assertThat(run("subprocessors", policy.toString())).isZero();
    assertThat(run("transfers", policy.toString(), "--format", "json")).isZero();

    assertThat(out.toString()).contains("id,name,legal_name,kind").contains("\"transfers\"");
  }
}
