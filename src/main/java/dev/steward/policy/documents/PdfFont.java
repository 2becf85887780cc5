package dev.steward.policy.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TrueType font embedded in PDF output; it must have Chinese glyphs, since documents are
 * written in Simplified Chinese too and name places and people in any script. Found at a configured
 * path, else at the standard places of the Droid Sans Fallback font (Apache-2.0).
 *
 * @param path a readable {@code .ttf} file
 */
public record PdfFont(Path path) {
  /** The Debian package that provides the default font. */
  public static final String DEBIAN_PACKAGE = "fonts-droid-fallback";

  /** Environment variable naming a font file that takes precedence over the standard paths. */
  public static final String ENV = "STEWARD_PDF_FONT";

  /** Where Debian, Ubuntu and Fedora put Droid Sans Fallback. */
  static final List<Path> STANDARD_PATHS =
      List.of(
          Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
          Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
          Path.of("/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf"),
          Path.of("/usr/share/fonts/droid/DroidSansFallbackFull.ttf"));

  /**
   * The configured font if given, else the first standard one present.
   *
   * @param configured a font path from configuration; when present it is the only one tried
   * @throws PdfFontMissingException listing every path tried
   */
  public static PdfFont locate(Optional<Path> configured) {
    List<Path> candidates = configured.map(List::of).orElse(STANDARD_PATHS);
    List<Path> searched = new ArrayList<>();
    for (Path candidate : candidates) {
      searched.add(candidate);
      if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
        return new PdfFont(candidate);
      }
    }
    throw new PdfFontMissingException(searched);
  }

  /** The font named by {@value #ENV} in {@code env}, else the standard paths. */
  public static PdfFont fromEnvironment(Map<String, String> env) {
    return locate(Optional.ofNullable(env.get(ENV)).filter(s -> !s.isBlank()).map(Path::of));
  }
}
