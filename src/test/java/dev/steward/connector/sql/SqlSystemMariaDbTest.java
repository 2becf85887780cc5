package dev.steward.connector.sql;

/** The SQL connector on the machine's MariaDB, in a database of its own. */
class SqlSystemMariaDbTest extends SqlSystemContract {
  SqlSystemMariaDbTest() {
    super(new CompanyDatabase.MariaDb());
  }
}
