package dev.steward.request;

import java.util.UUID;

/** An uploaded identity document, opened for a reviewer: what it is and its bytes. */
public record OpenedDocument(UUID id, String kind, String contentType, byte[] bytes) {}
