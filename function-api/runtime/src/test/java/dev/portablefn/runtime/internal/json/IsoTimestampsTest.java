package dev.portablefn.runtime.internal.json;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IsoTimestampsTest {

    @Test
    void epochDayAgreesWithLocalDateOnEveryDayOfFourDigitYears() {
        for (LocalDate date = LocalDate.of(0, 1, 1); date.getYear() <= 9999; date = date.plusDays(1)) {
            if (IsoTimestamps.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()) != date.toEpochDay()) {
                throw new AssertionError("epochDay differs from LocalDate on " + date);
            }
        }
    }
}
