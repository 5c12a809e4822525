package dev.portablefn.runtime.internal.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.PermanentFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogicalNamesTest {

    private final LogicalNames names = LogicalNames.from(Map.of(
            "PORTABLEFN_DESTINATION_PAYMENT_EVENTS", " arn:aws:sns:eu-west-1:123456789012:payments ",
            "PORTABLEFN_BUCKET_LESSONS", "lessons-prod-eu")::get);

    @Test
    void aLogicalNameMapsThroughItsSettingUpperCasedWithOtherCharactersAsUnderscores() {
        assertThat(LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, "payment-events"))
                .isEqualTo("PORTABLEFN_DESTINATION_PAYMENT_EVENTS");
        assertThat(names.destination("payment-events", "x"))
                .isEqualTo("arn:aws:sns:eu-west-1:123456789012:payments");
        assertThat(names.bucket("lessons", "x")).isEqualTo("lessons-prod-eu");
    }

    @Test
    void aMissingMappingFailsPermanentlyNamingTheSettingToAdd() {
        assertThatThrownBy(() -> names.destination("payments", "arn:aws:sns:REGION:ACCOUNT:TOPIC"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("no destination is configured for 'payments': set PORTABLEFN_DESTINATION_PAYMENTS in the"
                        + " function's environment (for example PORTABLEFN_DESTINATION_PAYMENTS=arn:aws:sns:REGION:"
                        + "ACCOUNT:TOPIC)");
        assertThatThrownBy(() -> names.bucket("uploads", "my-bucket"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("PORTABLEFN_BUCKET_UPLOADS");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> names.destination(" ", "x")).isInstanceOf(PermanentFailure.class)
                .hasMessage("a destination name is required");
    }
}
