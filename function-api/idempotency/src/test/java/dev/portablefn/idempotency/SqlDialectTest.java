package dev.portablefn.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The SQL each database gets, as text; PostgreSQL and H2 also run it for real in their own tests. */
class SqlDialectTest {

    @ParameterizedTest
    @CsvSource({
            "PostgreSQL, POSTGRESQL",
            "MySQL, MYSQL",
            "MariaDB, MYSQL",
            "Microsoft SQL Server, SQL_SERVER",
            "Oracle, ORACLE",
            "H2, H2"})
    void dialectIsChosenFromTheDatabaseProductName(String productName, SqlDialect expected) {
        assertThat(SqlDialect.forProduct(productName)).isEqualTo(expected);
    }

    @Test
    void unsupportedDatabaseIsRefusedNamingTheSupportedOnes() {
        assertThatThrownBy(() -> SqlDialect.forProduct("SQLite"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SQLite")
                .hasMessageContaining("PostgreSQL, MySQL, MariaDB, SQL Server, Oracle and H2");
    }

    @Test
    void mysqlStoresLargeResultsAndCaseSensitiveKeysAndIndexesExpiryInOneStatement() {
        assertThat(SqlDialect.MYSQL.createStatements("portablefn_idempotency")).containsExactly(
                "CREATE TABLE IF NOT EXISTS portablefn_idempotency ("
                        + "idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY, "
                        + "status VARCHAR(16) NOT NULL, owner_token VARCHAR(64), expires_at BIGINT NOT NULL, "
                        + "result LONGBLOB, INDEX portablefn_idempotency_expires_at (expires_at))");
    }

    @Test
    void sqlServerCreatesTheTableAndIndexOnlyWhenMissing() {
        assertThat(SqlDialect.SQL_SERVER.createStatements("app.idem")).containsExactly(
                "IF OBJECT_ID(N'app.idem', N'U') IS NULL CREATE TABLE app.idem ("
                        + "idempotency_key NVARCHAR(255) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY, "
                        + "status VARCHAR(16) NOT NULL, owner_token VARCHAR(64), expires_at BIGINT NOT NULL, "
                        + "result VARBINARY(MAX))",
                "IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'idem_expires_at' AND object_id ="
                        + " OBJECT_ID(N'app.idem')) CREATE INDEX idem_expires_at ON app.idem (expires_at)");
    }

    @Test
    void oracleIgnoresOnlyTheErrorsOfObjectsThatExist() {
        assertThat(SqlDialect.ORACLE.createStatements("app.idem")).containsExactly(
                "BEGIN EXECUTE IMMEDIATE 'CREATE TABLE app.idem ("
                        + "idempotency_key VARCHAR2(255 CHAR) NOT NULL PRIMARY KEY, status VARCHAR2(16) NOT NULL, "
                        + "owner_token VARCHAR2(64), expires_at NUMBER(19) NOT NULL, result BLOB)';"
                        + " EXCEPTION WHEN OTHERS THEN IF SQLCODE != -955 THEN RAISE; END IF; END;",
                "BEGIN EXECUTE IMMEDIATE 'CREATE INDEX app.idem_expires_at ON app.idem (expires_at)';"
                        + " EXCEPTION WHEN OTHERS THEN IF SQLCODE NOT IN (-955, -1408) THEN RAISE; END IF; END;");
    }

    @Test
    void postgresqlIndexNameIsUnqualifiedSinceTheIndexLivesInTheTablesSchema() {
        assertThat(SqlDialect.POSTGRESQL.createStatements("app.idem")).containsExactly(
                "CREATE TABLE IF NOT EXISTS app.idem (idempotency_key VARCHAR(255) NOT NULL PRIMARY KEY, "
                        + "status VARCHAR(16) NOT NULL, owner_token VARCHAR(64), expires_at BIGINT NOT NULL, result BYTEA)",
                "CREATE INDEX IF NOT EXISTS idem_expires_at ON app.idem (expires_at)");
    }

    @ParameterizedTest
    @CsvSource({
            "POSTGRESQL, CURRENT_TIMESTAMP",
            "MYSQL, UNIX_TIMESTAMP()",
            "SQL_SERVER, SYSUTCDATETIME()",
            "ORACLE, CURRENT_TIMESTAMP",
            "H2, CURRENT_TIMESTAMP"})
    void nowIsTheDatabasesClock(SqlDialect dialect, String clock) {
        assertThat(dialect.nowMillis()).contains(clock);
    }

    @Test
    void upgradeStatementAddsTheOwnerColumnInTheDatabasesType() {
        assertThat(SqlDialect.ORACLE.addColumn("idem", "owner_token")).isEqualTo("ALTER TABLE idem ADD owner_token VARCHAR2(64)");
        assertThat(SqlDialect.SQL_SERVER.addColumn("idem", "owner_token")).isEqualTo("ALTER TABLE idem ADD owner_token VARCHAR(64)");
    }
}
