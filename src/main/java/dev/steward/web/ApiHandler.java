package dev.steward.web;

import dev.steward.principal.Principal;
import io.javalin.http.Context;

/** A route's handler: parses, calls one service method, renders. */
@FunctionalInterface
public interface ApiHandler {
  void handle(Context ctx, Principal caller) throws Exception;
}
