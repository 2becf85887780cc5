package dev.steward.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a local port in front of a database server, which a test cuts (open connections
 * are closed and new ones refused) and restores, to play a database that goes down and comes back
 * without touching the machine's shared server. Plain sockets, two threads per connection.
 */
public final class TcpProxy implements AutoCloseable {
  private final int target;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;
  private volatile Thread acceptor;

  public TcpProxy(int target) throws IOException {
    this.target = target;
    ServerSocket first = bind(0);
    this.port = first.getLocalPort();
    serve(first);
  }

  public int port() {
    return port;
  }

  /** Closes every connection through the proxy and refuses new ones. */
  public synchronized void cut() throws IOException {
    ServerSocket current = server;
    server = null;
    if (current != null) {
      current.close();
      // The listening socket closes only once the accepting thread has left accept().
      try {
        acceptor.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** Accepts connections again, on the same port. */
  public synchronized void restore() throws IOException {
    if (server == null) {
      serve(bind(port));
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void serve(ServerSocket socket) {
    server = socket;
    acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket client = socket.accept();
                  Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                  open.add(client);
                  open.add(upstream);
                  pipe(client, upstream);
                  pipe(upstream, client);
                } catch (IOException e) {
                  // closed by cut(), or the server refused: the client sees its connection end
                }
              }
            },
            "tcp-proxy-accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void pipe(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "tcp-proxy-pipe-" + port);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
