package dev.steward.web;

/** A page's handler: parses the form, calls one service method, renders or redirects. */
@FunctionalInterface
public interface PageHandler {
  void handle(PageCall page) throws Exception;
}
