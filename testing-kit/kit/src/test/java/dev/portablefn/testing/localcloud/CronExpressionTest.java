package dev.portablefn.testing.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource({
        "'* * * * *',        2024-01-01T00:00:00Z, 2024-01-01T00:01:00Z",
        "'*/15 * * * *',     2024-01-01T00:00:30Z, 2024-01-01T00:15:00Z",
        "'0 3 * * *',        2024-01-01T03:00:00Z, 2024-01-02T03:00:00Z",
        "'0 9-17/4 * * MON', 2024-01-01T09:00:00Z, 2024-01-01T13:00:00Z",
        "'0 0 1 JAN,JUL ?',  2024-01-01T00:00:00Z, 2024-07-01T00:00:00Z",
        "'0 12 13 * 5',      2024-01-01T00:00:00Z, 2024-01-05T12:00:00Z",
        "'0 0 29 2 *',       2024-03-01T00:00:00Z, 2028-02-29T00:00:00Z",
        "'0 0 * * 7',        2024-01-01T00:00:00Z, 2024-01-07T00:00:00Z",
    })
    void nextFireTimeFollowsCronRules(String cron, String after, String expected) {
        assertThat(CronExpression.parse(cron).nextAfter(Instant.parse(after))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "60 * * * *|minute 60 is outside 0..59",
        "* * * *|has 4 fields",
        "x * * * *|'x' is not a valid minute",
        "5-1 * * * *|goes backwards",
        "0 0 31 2 *|never fires",
    })
    void malformedExpressionsNameTheProblem(String cron, String message) {
        assertThatThrownBy(() -> CronExpression.parse(cron).nextAfter(Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
