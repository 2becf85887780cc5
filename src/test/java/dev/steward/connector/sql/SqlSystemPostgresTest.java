package dev.steward.connector.sql;

/** The SQL connector on the machine's PostgreSQL, in a schema of its own. */
class SqlSystemPostgresTest extends SqlSystemContract {
  SqlSystemPostgresTest() {
    super(new CompanyDatabase.Postgres());
  }
}
