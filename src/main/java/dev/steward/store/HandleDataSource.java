package dev.steward.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * Lends the connection of a Jdbi handle to db-scheduler's client, so a task is scheduled inside the
 * caller's transaction and commits or rolls back with it. db-scheduler leaves commit to the owner
 * when auto-commit is off; closing the lent connection does nothing, the handle stays open. Valid
 * only inside the handle's callback.
 */
public final class HandleDataSource implements DataSource {
  private final Connection lent;

  public HandleDataSource(Handle handle) {
    Connection connection = handle.getConnection();
    this.lent =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close") && method.getParameterCount() == 0) {
                    return null;
                  }
                  try {
                    return method.invoke(connection, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  @Override
  public Connection getConnection() {
    return lent;
  }

  @Override
  public Connection getConnection(String username, String password) {
    return lent;
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
    throw new java.sql.SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
