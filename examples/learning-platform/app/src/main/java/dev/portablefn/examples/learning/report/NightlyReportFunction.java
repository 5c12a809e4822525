package dev.portablefn.examples.learning.report;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.examples.learning.content.LessonFileRepository;
import dev.portablefn.examples.learning.courses.CourseRepository;
import dev.portablefn.examples.learning.enrolment.Enrolment;
import dev.portablefn.examples.learning.enrolment.EnrolmentRepository;
import dev.portablefn.examples.learning.users.UserRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the {@link NightlyReport} on each tick of the nightly schedule, for the day before the
 * tick (UTC). A repeated tick rebuilds and replaces the same day's report.
 */
public final class NightlyReportFunction implements EventFunction<ScheduleTick> {

    private final UserRepository users;
    private final CourseRepository courses;
    private final EnrolmentRepository enrolments;
    private final LessonFileRepository lessonFiles;
    private final ReportRepository reports;

    /**
     * @param users       users to count
     * @param courses     courses to count
     * @param enrolments  enrolments to count and sum
     * @param lessonFiles lesson files to count
     * @param reports     where the report is stored
     */
    public NightlyReportFunction(UserRepository users, CourseRepository courses, EnrolmentRepository enrolments,
                                 LessonFileRepository lessonFiles, ReportRepository reports) {
        this.users = users;
        this.courses = courses;
        this.enrolments = enrolments;
        this.lessonFiles = lessonFiles;
        this.reports = reports;
    }

    @Override
    public void handle(Event<ScheduleTick> event, Context context) {
        NightlyReport report = build(event.data().scheduledTime(), context.clock().instant());
        reports.save(report);
        context.logger().info("nightly report for {}: {} users, {} courses, {} enrolments ({} new)", report.date(),
                report.users(), report.courses(), report.enrolments(), report.newEnrolments());
    }

    NightlyReport build(Instant scheduledTime, Instant now) {
        LocalDate day = scheduledTime.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = dayStart.plusSeconds(86_400);
        Map<String, Integer> byCourse = new TreeMap<>();
        Map<String, Long> revenue = new TreeMap<>();
        int fresh = 0;
        var all = enrolments.all();
        for (Enrolment enrolment : all) {
            byCourse.merge(enrolment.courseId(), 1, Integer::sum);
            revenue.merge(enrolment.currency(), enrolment.amountCents(), Long::sum);
            if (!enrolment.enrolledAt().isBefore(dayStart) && enrolment.enrolledAt().isBefore(dayEnd)) {
                fresh++;
            }
        }
        return new NightlyReport(day, now, users.count(), courses.list().size(), all.size(), fresh,
                Collections.unmodifiableMap(byCourse), Collections.unmodifiableMap(revenue), lessonFiles.count());
    }
}
