package dev.steward.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages' own files, read from the jar once at start-up and served under {@code
 * /static/<hash>/<name>}: the hash of the content is in the path, so a browser may keep a file a
 * year and a new build is fetched anew. Only the files listed here are served; nothing is read from
 * the request's path. Immutable after construction.
 */
public final class StaticAssets {
  static final String PREFIX = "/static/";
  private static final String ONE_YEAR = "public, max-age=31536000, immutable";
  private static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js";

  private record Asset(String hash, byte[] bytes, byte[] gzipped, String contentType) {}

  private final Map<String, Asset> assets = new LinkedHashMap<>();

  private StaticAssets() {}

  /** The stylesheet and htmx (from its WebJar, BSD-2-Clause). */
  public static StaticAssets load() {
    StaticAssets loaded = new StaticAssets();
    loaded.add("steward.css", "static/steward.css", null, "text/css; charset=utf-8");
    loaded.add("htmx.min.js", HTMX, HTMX + ".gz", "text/javascript; charset=utf-8");
    return loaded;
  }

  private void add(String name, String resource, String gzResource, String contentType) {
    byte[] bytes = read(resource, true);
    byte[] gzipped = gzResource == null ? null : read(gzResource, false);
    assets.put(name, new Asset(hash(bytes), bytes, gzipped, contentType));
  }

  /** The address of {@code name}; an unknown name is a programming error. */
  public String href(String name) {
    Asset asset = assets.get(name);
    if (asset == null) {
      throw new IllegalStateException("no static file named " + name);
    }
    return PREFIX + asset.hash() + "/" + name;
  }

  void install(RoutesConfig config) {
    config.addHttpHandler(HandlerType.GET, PREFIX + "{hash}/{name}", this::serve);
    config.addHttpHandler(HandlerType.HEAD, PREFIX + "{hash}/{name}", this::serve);
  }

  private void serve(Context ctx) {
    Asset asset = assets.get(ctx.pathParam("name"));
    if (asset == null || !asset.hash().equals(ctx.pathParam("hash"))) {
      ctx.status(404);
      return;
    }
    ctx.header("Cache-Control", ONE_YEAR);
    ctx.header("Vary", "Accept-Encoding");
    ctx.contentType(asset.contentType());
    String accepted = ctx.header("Accept-Encoding");
    if (asset.gzipped() != null && accepted != null && accepted.contains("gzip")) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(asset.gzipped());
    } else {
      ctx.result(asset.bytes());
    }
  }

  private static byte[] read(String resource, boolean required) {
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        if (required) {
          throw new IllegalStateException(resource + " is missing from the class path");
        }
        return null;
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
