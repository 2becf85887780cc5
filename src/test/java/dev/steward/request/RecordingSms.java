package dev.steward.request;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An SMS provider for tests: keeps what it was asked to send, logs nothing. */
final class RecordingSms implements SmsSender {
  record Sent(String phone, String text) {}

  final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public void send(String phone, String text) {
    sent.add(new Sent(phone, text));
  }
}
