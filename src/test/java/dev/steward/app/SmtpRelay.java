package dev.steward.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of the test's SMTP server that can swallow the server's answer to one
 * letter's end of data: the server has the letter, the sender never learns it was accepted. That is
 * the one moment a kill can make a letter arrive twice, and the relay makes it last until the test
 * kills the sender.
 */
final class SmtpRelay implements AutoCloseable {
  private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

  private final ServerSocket listener;
  private final int serverPort;
  private final AtomicBoolean holdNext = new AtomicBoolean();
  private final CountDownLatch held = new CountDownLatch(1);
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  SmtpRelay(int serverPort) {
    this.serverPort = serverPort;
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread accepting = new Thread(this::accept, "smtp-relay");
    accepting.setDaemon(true);
    accepting.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Withholds the server's answer to the next letter's end of data, on that connection only. */
  void holdNextAcceptance() {
    holdNext.set(true);
  }

  /** Waits until a letter's acceptance is being withheld. */
  boolean awaitHeld(long seconds) throws InterruptedException {
    return held.await(seconds, TimeUnit.SECONDS);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        sockets.add(client);
        sockets.add(server);
        AtomicBoolean swallow = new AtomicBoolean();
        pump(client.getInputStream(), server.getOutputStream(), swallow, true);
        pump(server.getInputStream(), client.getOutputStream(), swallow, false);
      } catch (IOException closed) {
        return;
      }
    }
  }

  /**
   * Copies one direction. Upstream, it watches for the end of data and, when a hold is asked, marks
   * the connection before the server can answer; downstream, a marked connection's bytes are
   * dropped from then on.
   */
  private void pump(InputStream in, OutputStream out, AtomicBoolean swallow, boolean upstream) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              byte[] tail = new byte[END_OF_DATA.length];
              int tailLength = 0;
              try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                  if (upstream) {
                    for (int i = 0; i < read; i++) {
                      System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                      tail[tail.length - 1] = buffer[i];
                      tailLength = Math.min(tailLength + 1, tail.length);
                      if (tailLength == tail.length
                          && java.util.Arrays.equals(tail, END_OF_DATA)
                          && holdNext.compareAndSet(true, false)) {
                        swallow.set(true);
                        held.countDown();
                      }
                    }
                  } else if (swallow.get()) {
                    continue;
                  }
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException closed) {
                // One side went away (the sender was killed); the other follows when closed.
              } finally {
                closeQuietly(in);
                closeQuietly(out);
              }
            },
            upstream ? "smtp-relay-up" : "smtp-relay-down");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    sockets.forEach(SmtpRelay::closeQuietly);
  }
}
