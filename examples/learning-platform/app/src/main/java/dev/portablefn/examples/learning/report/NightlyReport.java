package dev.portablefn.examples.learning.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The platform's nightly figures.
 *
 * @param date                the day the report covers (UTC), the day before the tick
 * @param generatedAt         when it was built
 * @param users               registered users
 * @param courses             courses in the catalogue
 * @param enrolments          enrolments in total
 * @param newEnrolments       enrolments recorded during {@code date}
 * @param enrolmentsByCourse  enrolments per course id
 * @param revenueCents        revenue per currency, in the minor unit
 * @param lessonFiles         lesson files recorded
 */
public record NightlyReport(LocalDate date, Instant generatedAt, int users, int courses, int enrolments,
                            int newEnrolments, Map<String, Integer> enrolmentsByCourse, Map<String, Long> revenueCents,
                            int lessonFiles) {
}
