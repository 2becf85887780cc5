package dev.steward.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The page layer's shared parts: the words ({@link Messages}), the precompiled jte templates of
 * {@code src/main/jte}, the static files, the organisation's name for the layout, the staff
 * sessions and the public address. Built once in the wiring and handed to the {@link HttpServer};
 * thread-safe.
 *
 * <p>A template receives two parameters: {@code frame} ({@link PageFrame}) and {@code model}, the
 * page's own view record, and wraps its body in {@code @template.web.layout(...)}.
 */
public final class Pages {
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Pages.class.getClassLoader(), "dev.steward.templates");

  private final Messages messages;
  private final StaticAssets assets;
  private final Supplier<String> organisation;
  private final WebSessions sessions;
  private final PublicUrl publicUrl;

  public Pages(
      Messages messages,
      StaticAssets assets,
      Supplier<String> organisation,
      WebSessions sessions,
      PublicUrl publicUrl) {
    this.messages = messages;
    this.assets = assets;
    this.organisation = organisation;
    this.sessions = sessions;
    this.publicUrl = publicUrl;
  }

  /** With the bundled words and files. */
  public static Pages standard(
      Supplier<String> organisation, WebSessions sessions, PublicUrl publicUrl) {
    return new Pages(Messages.load(), StaticAssets.load(), organisation, sessions, publicUrl);
  }

  public Messages messages() {
    return messages;
  }

  StaticAssets assets() {
    return assets;
  }

  WebSessions sessions() {
    return sessions;
  }

  PublicUrl publicUrl() {
    return publicUrl;
  }

  String organisation() {
    return organisation.get();
  }

  /** Renders {@code template} (e.g. {@code center/home.jte}) to a string. */
  static String render(String template, PageFrame frame, Object model) {
    Map<String, Object> params = new HashMap<>();
    params.put("frame", frame);
    params.put("model", model);
    StringOutput output = new StringOutput();
    ENGINE.render(template, params, output);
    return output.toString();
  }

  /** An error page for a call no page route took (unknown path, wrong method). */
  void renderError(Context ctx, int status) {
    PageCall call = PageCall.open(ctx, this, false);
    call.error(status, null);
  }
}
