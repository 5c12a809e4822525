package dev.portablefn.examples.learning.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

    private static final String URL = "jdbc:postgresql://db.internal:5432/learning?sslmode=require";

    @Test
    void withoutADatabaseUrlThereIsNoDatabase() {
        assertThat(DatabaseSettings.from(Map.<String, String>of()::get)).isEmpty();
        assertThat(DatabaseSettings.from(Map.of(DatabaseSettings.URL, "  ")::get)).isEmpty();
    }

    @Test
    void urlAloneGivesASmallPoolAndTimeoutsBelowTheShortestFunctionTimeout() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of(DatabaseSettings.URL, URL,
                DatabaseSettings.USER, "learning", DatabaseSettings.PASSWORD, "s3cret")::get).orElseThrow();

        assertThat(settings).isEqualTo(new DatabaseSettings(URL, "learning", "s3cret", 2, Duration.ofSeconds(3),
                Duration.ofSeconds(5)));
        assertThat(settings.connectTimeout().plus(settings.statementTimeout()))
                .as("one wait plus one statement, under the HTTP functions' 10 s").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void poolSizeAndTimeoutsAreRead() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of(DatabaseSettings.URL, URL,
                DatabaseSettings.POOL_SIZE, "3", DatabaseSettings.CONNECT_TIMEOUT, "2",
                DatabaseSettings.STATEMENT_TIMEOUT, " 60 ")::get).orElseThrow();

        assertThat(settings.poolSize()).isEqualTo(3);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.statementTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://learning:pw@db.internal:5432/learning", "jdbc:mysql://db.internal/learning",
            "db.internal:5432", "jdbc:postgresql://db.internal:notaport/learning"})
    void urlThatIsNotAPostgresqlJdbcUrlIsAnErrorNamingTheSetting(String url) {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of(DatabaseSettings.URL, url)::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DatabaseSettings.URL)
                .hasMessageContaining("jdbc:postgresql://host:5432/");
    }

    @Test
    void passwordInTheUrlIsNotRepeatedInTheError() {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of(DatabaseSettings.URL,
                "jdbc:postgresql://db:notaport/learning?password=s3cret")::get))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void numberThatIsNotANumberIsAnErrorNamingTheSetting() {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of(DatabaseSettings.URL, URL,
                DatabaseSettings.STATEMENT_TIMEOUT, "10s")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DatabaseSettings.STATEMENT_TIMEOUT)
                .hasMessageContaining("'10s'");
    }

    @Test
    void poolTooSmallToMigrateAndTimeoutsUnderASecondAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of(DatabaseSettings.URL, URL,
                DatabaseSettings.POOL_SIZE, "1")::get)).hasMessageContaining(DatabaseSettings.POOL_SIZE)
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of(DatabaseSettings.URL, URL,
                DatabaseSettings.CONNECT_TIMEOUT, "0")::get)).hasMessageContaining(DatabaseSettings.CONNECT_TIMEOUT);
    }

    @Test
    void textFormShowsNeitherThePasswordNorTheUrlParameters() {
        DatabaseSettings settings = DatabaseSettings.of(URL + "&password=inurl", "learning", "s3cret");

        assertThat(settings.toString()).contains("db.internal:5432/learning").doesNotContain("s3cret", "inurl");
    }
}
