package dev.steward.policy.documents;

import static dev.steward.policy.documents.DocumentFixtures.BUNDLED;
import static dev.steward.policy.documents.DocumentFixtures.DOCUMENTS;
import static dev.steward.policy.documents.DocumentFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.error.InvalidInputException;
import dev.steward.policy.Purpose;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ProcessingRecordTest {
  private static final List<String> COLUMNS =
      List.of(
          "purpose_id",
          "purpose",
          "legal_bases",
          "controllers",
          "dpo",
          "data_subjects",
          "data_categories",
          "recipients",
          "transfers",
          "retention",
          "security_measures");

  @Test
  void ropaCsv_parsesBackToOneRowPerPurposeWithTheArticle30Columns() {
    String csv = text(DocumentKind.PROCESSING_RECORD, DocumentLanguage.EN, DocumentFormat.CSV);

    List<List<String>> records = Rfc4180.parse(csv);

    assertThat(csv).contains("\r\n");
    assertThat(records.get(0)).isEqualTo(COLUMNS);
    assertThat(records.subList(1, records.size()))
        .hasSize(13)
        .allSatisfy(record -> assertThat(record).hasSize(COLUMNS.size()))
        .extracting(record -> record.get(0))
        .containsExactlyElementsOf(BUNDLED.purposes().stream().map(Purpose::id).toList());
    List<String> marketing = records.get(3);
    assertThat(marketing.get(2)).isEqualTo("Legitimate interests (dpv:LegitimateInterest)");
    assertThat(marketing.get(4)).contains("Data Protection Officer", "emea@chinacache.com");
    assertThat(marketing.get(8)).contains("EU standard contractual clauses");
    assertThat(marketing.get(9)).contains("Deleted 6 years after our relationship with you ends");
  }

  @Test
  void ropaJson_listsTheControllersAndOneActivityPerPurpose() throws IOException {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                text(DocumentKind.PROCESSING_RECORD, DocumentLanguage.EN, DocumentFormat.JSON));

    assertThat(json.get("version").asText()).isEqualTo("2019-10");
    assertThat(json.get("controllers")).hasSize(5);
    assertThat(json.get("activities")).hasSize(13);
    assertThat(json.get("activities").get(0).get("legal_bases").isArray()).isTrue();
  }

  @Test
  void ropaPdf_isAPdfWhoseTextHasTheChineseHeadings() throws IOException {
    byte[] pdf =
        DOCUMENTS
            .render(
                DocumentKind.PROCESSING_RECORD, BUNDLED, DocumentLanguage.ZH_CN, DocumentFormat.PDF)
            .content();

    assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String extracted = new PDFTextStripper().getText(document);
      assertThat(extracted).contains("处理活动记录", "控制者和数据保护官", "ChinaCache Networks (UK) Limited");
    }
  }

  @Test
  void ropaPdf_withAConfiguredFontThatIsMissing_failsWithATypedErrorNamingTheFile() {
    PolicyDocuments noFont =
        new PolicyDocuments(() -> PdfFont.locate(Optional.of(java.nio.file.Path.of("/nope.ttf"))));

    assertThatThrownBy(
            () ->
                noFont.render(
                    DocumentKind.PROCESSING_RECORD,
                    BUNDLED,
                    DocumentLanguage.EN,
                    DocumentFormat.PDF))
        .isInstanceOf(PdfFontMissingException.class)
        .hasMessageContaining("/nope.ttf")
        .hasMessageContaining("bundled Noto Sans SC");
  }

  @Test
  void render_formatTheDocumentDoesNotOffer_isRefusedNamingTheAllowedOnes() {
    assertThatThrownBy(() -> DocumentKind.PROCESSING_RECORD.format("doc"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("unknown format 'doc'; use one of csv, json, html, pdf");
    assertThatThrownBy(
            () ->
                DOCUMENTS.render(
                    DocumentKind.NOTICE, BUNDLED, DocumentLanguage.EN, DocumentFormat.PDF))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void registers_listTheProcessorsAndTheTransfersWithSafeguards() {
    String processors = text(DocumentKind.SUB_PROCESSORS, DocumentLanguage.EN, DocumentFormat.CSV);
    String transfers = text(DocumentKind.TRANSFERS, DocumentLanguage.EN, DocumentFormat.CSV);
    String transfersZh = text(DocumentKind.TRANSFERS, DocumentLanguage.ZH_CN, DocumentFormat.HTML);

    assertThat(Rfc4180.parse(processors))
        .hasSize(5)
        .extracting(row -> row.get(0))
        .containsExactly("id", "it-providers", "crm-cloud", "marketing-analytics", "event-venues");
    assertThat(Rfc4180.parse(transfers))
        .extracting(row -> row.get(0) + " " + row.get(3))
        .contains("eea-outbound EU standard contractual clauses", "china-outbound Your consent");
    assertThat(transfersZh).contains("<html lang=\"zh-CN\">", "欧盟标准合同条款", "跨境传输登记册");
  }
}
