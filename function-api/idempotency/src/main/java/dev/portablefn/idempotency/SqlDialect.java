package dev.portablefn.idempotency;

import java.util.List;
import java.util.Locale;

/**
 * What differs between the databases the {@link JdbcIdempotencyStore} supports: column types, the DDL that creates
 * the table and its expiry index only when missing, the database clock as epoch milliseconds, and how an insert
 * that loses a race is told apart. Chosen from {@code DatabaseMetaData.getDatabaseProductName()}.
 */
enum SqlDialect {

    POSTGRESQL("VARCHAR(255)", "VARCHAR", "BIGINT", "BYTEA",
            "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)"),
    // Case-sensitive keys need a binary collation (MySQL's default ones ignore case). UNIX_TIMESTAMP() without an
    // argument is the server's epoch exactly; converting CURRENT_TIMESTAMP would go through the session time zone.
    MYSQL("VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", "VARCHAR", "BIGINT", "LONGBLOB",
            "(UNIX_TIMESTAMP() * 1000)"),
    // NVARCHAR for keys in any script, with a binary collation since the default one ignores case. CURRENT_TIMESTAMP
    // is local time on SQL Server, which jumps at daylight-saving changes; SYSUTCDATETIME() is the same clock in UTC.
    SQL_SERVER("NVARCHAR(255) COLLATE Latin1_General_100_BIN2", "VARCHAR", "BIGINT", "VARBINARY(MAX)",
            "DATEDIFF_BIG(MILLISECOND, '1970-01-01', SYSUTCDATETIME())"),
    ORACLE("VARCHAR2(255 CHAR)", "VARCHAR2", "NUMBER(19)", "BLOB",
            "ROUND((CAST(SYS_EXTRACT_UTC(CURRENT_TIMESTAMP) AS DATE) - DATE '1970-01-01') * 86400000)"),
    H2("VARCHAR(255)", "VARCHAR", "BIGINT", "BLOB",
            "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)");

    /** The longest key the key column holds, in UTF-16 code units (which no database counts more of). */
    static final int KEY_COLUMN_LENGTH = 255;

    private final String keyType;
    private final String textType;
    private final String bigintType;
    private final String bytesType;
    private final String nowMillis;

    SqlDialect(String keyType, String textType, String bigintType, String bytesType, String nowMillis) {
        this.keyType = keyType;
        this.textType = textType;
        this.bigintType = bigintType;
        this.bytesType = bytesType;
        this.nowMillis = nowMillis;
    }

    /**
     * Finds the dialect of a database product.
     *
     * @param productName what {@code DatabaseMetaData.getDatabaseProductName()} answered
     * @return its dialect
     * @throws IllegalStateException if the product is not one the store supports
     */
    static SqlDialect forProduct(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        if (name.contains("sql server")) {
            return SQL_SERVER;
        }
        if (name.contains("oracle")) {
            return ORACLE;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalStateException("the JDBC idempotency store does not support the database '" + productName
                + "'; it supports PostgreSQL, MySQL, MariaDB, SQL Server, Oracle and H2");
    }

    /** The database's current time in epoch milliseconds, as an SQL expression. */
    String nowMillis() {
        return nowMillis;
    }

    /** Makes a plain {@code INSERT} do nothing instead of failing when the key exists, where the database can. */
    String insertIgnoringConflict(String insert) {
        return this == POSTGRESQL ? insert + " ON CONFLICT (idempotency_key) DO NOTHING" : insert;
    }

    /** Whether the JDBC driver calls a schema a catalog (MySQL's databases). */
    boolean schemasAreCatalogs() {
        return this == MYSQL;
    }

    /**
     * Gives the statements that create the table and its index on {@code expires_at}, each doing nothing when
     * its object exists already.
     */
    List<String> createStatements(String table) {
        String index = indexName(table);
        String columns = "idempotency_key " + keyType + " NOT NULL PRIMARY KEY, "
                + "status " + textType + "(16) NOT NULL, "
                + "owner_token " + textType + "(64), "
                + "expires_at " + bigintType + " NOT NULL, "
                + "result " + bytesType;
        return switch (this) {
            case POSTGRESQL, H2 -> List.of(
                    "CREATE TABLE IF NOT EXISTS " + table + " (" + columns + ")",
                    "CREATE INDEX IF NOT EXISTS " + (this == H2 ? schemaPrefix(table) : "") + index
                            + " ON " + table + " (expires_at)");
            case MYSQL -> List.of("CREATE TABLE IF NOT EXISTS " + table + " (" + columns
                    + ", INDEX " + index + " (expires_at))");
            case SQL_SERVER -> List.of(
                    "IF OBJECT_ID(N'" + table + "', N'U') IS NULL CREATE TABLE " + table + " (" + columns + ")",
                    "IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'" + index + "' AND object_id = OBJECT_ID(N'"
                            + table + "')) CREATE INDEX " + index + " ON " + table + " (expires_at)");
            // ORA-00955: the name is taken (the table or index exists); ORA-01408: expires_at is indexed already.
            case ORACLE -> List.of(
                    "BEGIN EXECUTE IMMEDIATE 'CREATE TABLE " + table + " (" + columns + ")';"
                            + " EXCEPTION WHEN OTHERS THEN IF SQLCODE != -955 THEN RAISE; END IF; END;",
                    "BEGIN EXECUTE IMMEDIATE 'CREATE INDEX " + schemaPrefix(table) + index + " ON " + table
                            + " (expires_at)'; EXCEPTION WHEN OTHERS THEN IF SQLCODE NOT IN (-955, -1408) THEN RAISE;"
                            + " END IF; END;");
        };
    }

    /** Gives the statement that adds a column a table from an older version lacks. */
    String addColumn(String table, String column) {
        String type = switch (column) {
            case "owner_token" -> textType + "(64)";
            case "status" -> textType + "(16) NOT NULL";
            case "expires_at" -> bigintType + " NOT NULL";
            case "result" -> bytesType;
            default -> keyType + " NOT NULL PRIMARY KEY";
        };
        return "ALTER TABLE " + table + " ADD " + column + " " + type;
    }

    private static String indexName(String table) {
        return table.substring(table.indexOf('.') + 1) + "_expires_at";
    }

    private static String schemaPrefix(String table) {
        int dot = table.indexOf('.');
        return dot < 0 ? "" : table.substring(0, dot + 1);
    }
}
