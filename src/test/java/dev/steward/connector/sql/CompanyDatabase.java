package dev.steward.connector.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A realistic company database for the connector tests, in a schema (PostgreSQL) or database
 * (MariaDB) of its own on the machine's shared server: customers and their contacts, orders,
 * invoices kept for a legal obligation, support tickets, a newsletter list, web sessions, job
 * applicants and their referees. Alice (the subject) and Bob and Carol (other people) each have
 * rows; a session has no customer.
 */
public abstract class CompanyDatabase implements AutoCloseable {
  public final String name = "steward_conn_test_" + UUID.randomUUID().toString().substring(0, 8);

  /** The URL Steward's connector uses; {@code port} lets a test put a proxy in between. */
  public abstract String url(int port);

  public abstract int port();

  public abstract String user();

  public abstract String password();

  /** The type of a timestamp column. */
  public abstract String timestampType();

  public abstract void create() throws SQLException;

  public abstract void drop() throws SQLException;

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(port()), user(), password());
  }

  /** Drops and creates the company tables and fills them. */
  public void seed() throws SQLException {
    String ts = timestampType();
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String table :
          List.of(
              "referees",
              "job_applicants",
              "web_sessions",
              "newsletter",
              "support_tickets",
              "invoices",
              "orders",
              "contacts",
              "customers")) {
        statement.execute("drop table if exists " + table);
      }
      statement.execute(
          "create table customers (id integer primary key, email varchar(200) not null unique,"
              + " full_name varchar(200), phone varchar(40), created_at "
              + ts
              + " not null, restricted boolean not null default false)");
      statement.execute(
          "create table contacts (id integer primary key, customer_id integer not null"
              + " references customers (id), kind varchar(20) not null, contact_value varchar(200))");
      statement.execute(
          "create table orders (id integer primary key, customer_id integer not null references"
              + " customers (id), placed_at "
              + ts
              + " not null, delivery_address varchar(300))");
      statement.execute(
          "create table invoices (id integer primary key, order_id integer not null references"
              + " orders (id), billing_name varchar(200) not null, amount decimal(10,2) not null,"
              + " issued_at "
              + ts
              + " not null)");
      statement.execute(
          "create table support_tickets (id integer primary key, customer_id integer not null"
              + " references customers (id), title varchar(200), body text)");
      statement.execute(
          "create table newsletter (id integer primary key, email varchar(200) not null unique,"
              + " subscribed_at "
              + ts
              + " not null)");
      statement.execute(
          "create table web_sessions (id varchar(40) primary key, customer_id integer references"
              + " customers (id), ip_address varchar(45), user_agent varchar(300), started_at "
              + ts
              + " not null)");
      statement.execute(
          "create table job_applicants (id integer primary key, email varchar(200) not null,"
              + " full_name varchar(200), phone varchar(40), cv text)");
      statement.execute(
          "create table referees (id integer primary key, applicant_id integer not null references"
              + " job_applicants (id), referee_name varchar(200), reference_text text)");
      String[] rows = {
        "insert into customers (id, email, full_name, phone, created_at) values"
            + " (1, 'alice@example.com', 'Alice Archer', '447700900123', '2024-01-10 09:00:00'),"
            + " (2, 'bob@example.com', 'Bob Baker', '447700900456', '2024-02-11 10:00:00')",
        "insert into contacts values (1, 1, 'work_email', 'alice@work.example'),"
            + " (2, 2, 'work_email', 'bob@work.example')",
        "insert into orders values (10, 1, '2024-03-01 12:00:00', '1 Alice Road, London'),"
            + " (11, 1, '2025-03-01 12:00:00', '1 Alice Road, London'),"
            + " (12, 2, '2024-03-02 12:00:00', '2 Bob Street, Leeds')",
        "insert into invoices values (100, 10, 'Alice Archer', 49.90, '2024-03-01 12:05:00'),"
            + " (101, 12, 'Bob Baker', 19.00, '2024-03-02 12:05:00')",
        "insert into support_tickets values (200, 1, 'Parcel late', 'Where is my parcel?'),"
            + " (201, 2, 'Refund', 'Please refund me')",
        "insert into newsletter values (300, 'alice@example.com', '2024-01-10 09:01:00'),"
            + " (301, 'bob@example.com', '2024-02-11 10:01:00')",
        "insert into web_sessions values ('s-a1', 1, '203.0.113.7', 'Firefox', '2024-01-10 09:00:00'),"
            + " ('s-b1', 2, '198.51.100.9', 'Safari', '2026-01-02 08:00:00'),"
            + " ('s-anon', null, '192.0.2.1', 'curl', '2023-05-05 05:00:00')",
        "insert into job_applicants values"
            + " (400, 'alice@example.com', 'Alice Archer', '+44 7700 900123', 'CV of Alice'),"
            + " (401, 'carol@example.com', 'Carol Cole', null, 'CV of Carol')",
        "insert into referees values (500, 400, 'Dr Rachel Referee', 'Alice was diligent'),"
            + " (501, 401, 'Sam Second', 'Carol was punctual')"
      };
      for (String row : rows) {
        statement.execute(row);
      }
    }
  }

  public long count(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        var rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public String text(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        var rs = statement.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Override
  public void close() throws SQLException {
    drop();
  }

  /** PostgreSQL on 127.0.0.1:5432, database test, a schema of the test's own. */
  public static final class Postgres extends CompanyDatabase {
    @Override
    public String url(int port) {
      return "jdbc:postgresql://127.0.0.1:" + port + "/test?currentSchema=" + name;
    }

    @Override
    public int port() {
      return 5432;
    }

    @Override
    public String user() {
      return "postgres";
    }

    @Override
    public String password() {
      return System.getenv().getOrDefault("PGPASSWORD", "");
    }

    @Override
    public String timestampType() {
      return "timestamp";
    }

    @Override
    public void create() throws SQLException {
      admin("create schema " + name);
    }

    @Override
    public void drop() throws SQLException {
      admin("drop schema if exists " + name + " cascade");
    }

    private void admin(String sql) throws SQLException {
      try (Connection connection =
              DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:5432/test", user(), password());
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }
  }

  /** MariaDB on 127.0.0.1:3306 as root, a database of the test's own. */
  public static final class MariaDb extends CompanyDatabase {
    @Override
    public String url(int port) {
      return "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
    }

    @Override
    public int port() {
      return 3306;
    }

    @Override
    public String user() {
      return "root";
    }

    @Override
    public String password() {
      return "";
    }

    @Override
    public String timestampType() {
      return "datetime(6)";
    }

    @Override
    public void create() throws SQLException {
      admin("create database " + name.toLowerCase(Locale.ROOT));
    }

    @Override
    public void drop() throws SQLException {
      admin("drop database if exists " + name);
    }

    private void admin(String sql) throws SQLException {
      try (Connection connection =
              DriverManager.getConnection(
                  "jdbc:mariadb://127.0.0.1:3306/test", user(), password());
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }
  }
}
