package dev.steward.app;

/**
 * The running build's version, from the jar manifest, or, in the container image (whose classes are
 * not in a jar), from {@code STEWARD_BUILD_VERSION}, which the image's build sets; {@code dev} when
 * run from classes.
 */
public final class Version {
  private Version() {}

  public static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    if (version == null) {
      version = System.getenv("STEWARD_BUILD_VERSION");
    }
    return version == null || version.isBlank() ? "dev" : version;
  }
}
