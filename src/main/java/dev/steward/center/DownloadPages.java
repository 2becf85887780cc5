package dev.steward.center;

import dev.steward.fulfilment.PackageLinks;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;

/**
 * Where the completion letter's link leads: a page that says what the package holds and links its
 * download, or says in the person's language why it can no longer be had (the link's time is over,
 * or their data was erased under GDPR Art. 17). Opening the page counts no copy.
 */
public final class DownloadPages {
  private final PackageLinks links;

  DownloadPages(PackageLinks links) {
    this.links = links;
  }

  void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get("/download/{id}", CenterPages.PAGE, this::show));
  }

  private void show(PageCall page) {
    String id = page.pathParam("id");
    String subject = page.query("subject");
    String expires = page.query("expires");
    String signature = page.query("sig");
    PackageLinks.State state = links.state(id, subject, expires, signature);
    int status =
        switch (state) {
          case READY -> 200;
          case EXPIRED, ERASED -> 410;
          case INVALID -> 403;
        };
    page.render(
        status,
        "center/download.jte",
        new Package(
            state.name().toLowerCase(java.util.Locale.ROOT),
            state == PackageLinks.State.READY
                ? PackageLinks.downloadPath(id, subject, expires, signature)
                : null));
  }

  /**
   * The download page's model.
   *
   * @param state {@code ready}, {@code expired}, {@code erased} or {@code invalid}
   * @param href the package's download path while ready, else null
   */
  public record Package(String state, String href) {}
}
