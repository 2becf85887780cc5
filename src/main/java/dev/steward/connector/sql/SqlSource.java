package dev.steward.connector.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Where a SQL system's connections come from: its JDBC URL and user, with the password read from
 * the environment at start-up. One connection per operation (requests are rare; a pool would hold
 * connections a network cut leaves dead), with a network timeout so a database that stops answering
 * fails the operation instead of hanging the task.
 *
 * @param schema the schema (PostgreSQL, H2) or database (MariaDB, MySQL) of the tables; null: the
 *     connection's own
 */
record SqlSource(String url, String user, String password, String schema, int timeoutMillis) {
  private static final Executor DIRECT = Runnable::run;

  Connection connect() throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    // Each driver's own connect timeout: seconds for PostgreSQL, milliseconds for MariaDB/MySQL.
    if (url.startsWith("jdbc:postgresql:")) {
      properties.setProperty("connectTimeout", String.valueOf(Math.max(1, timeoutMillis / 1000)));
    } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
      properties.setProperty("connectTimeout", String.valueOf(timeoutMillis));
    }
    Connection connection = DriverManager.getConnection(url, properties);
    try {
      connection.setNetworkTimeout(DIRECT, timeoutMillis);
    } catch (SQLException | UnsupportedOperationException e) {
      // H2 embedded has no network to time out
    }
    return connection;
  }

  @Override
  public String toString() {
    return "SqlSource[" + url + ", " + user + ", password hidden]";
  }
}
