package dev.portablefn.examples.learning.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.portablefn.api.Event;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.examples.learning.content.LessonFileRepository;
import dev.portablefn.examples.learning.courses.Course;
import dev.portablefn.examples.learning.courses.CourseRepository;
import dev.portablefn.examples.learning.enrolment.Enrolment;
import dev.portablefn.examples.learning.enrolment.EnrolmentRepository;
import dev.portablefn.examples.learning.users.UserRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class NightlyReportFunctionTest {

    @Mock
    private UserRepository users;
    @Mock
    private CourseRepository courses;
    @Mock
    private EnrolmentRepository enrolments;
    @Mock
    private LessonFileRepository lessonFiles;
    @Mock
    private ReportRepository reports;

    @Test
    void theTickBuildsTheReportOfThePreviousDayWithTotalsRevenueAndNewEnrolments() {
        when(users.count()).thenReturn(3);
        when(courses.list()).thenReturn(List.of(
                new Course("crs-a", "A", "", 100, "EUR", TestContexts.NOW),
                new Course("crs-b", "B", "", 250, "USD", TestContexts.NOW)));
        when(enrolments.all()).thenReturn(List.of(
                new Enrolment("usr-1", "crs-a", "p1", 100, "EUR", Instant.parse("2026-03-12T23:59:59Z")),
                new Enrolment("usr-2", "crs-a", "p2", 100, "EUR", Instant.parse("2026-03-13T00:00:00Z")),
                new Enrolment("usr-2", "crs-b", "p3", 250, "USD", Instant.parse("2026-03-13T23:59:59Z")),
                new Enrolment("usr-3", "crs-b", "p4", 250, "USD", Instant.parse("2026-03-14T00:00:00Z"))));
        when(lessonFiles.count()).thenReturn(7);
        Instant midnight = Instant.parse("2026-03-14T00:00:00Z");
        Event<ScheduleTick> tick = Event.<ScheduleTick>builder().id("t-1").source("nightly-report").type("test")
                .trigger(Trigger.SCHEDULE).data(new ScheduleTick(midnight, "nightly-report")).build();

        new NightlyReportFunction(users, courses, enrolments, lessonFiles, reports)
                .handle(tick, TestContexts.at("report", midnight.plusSeconds(2)));

        ArgumentCaptor<NightlyReport> saved = ArgumentCaptor.forClass(NightlyReport.class);
        verify(reports).save(saved.capture());
        NightlyReport report = saved.getValue();
        assertThat(report.date()).isEqualTo(LocalDate.parse("2026-03-13"));
        assertThat(report.generatedAt()).isEqualTo(midnight.plusSeconds(2));
        assertThat(report.users()).isEqualTo(3);
        assertThat(report.courses()).isEqualTo(2);
        assertThat(report.enrolments()).isEqualTo(4);
        assertThat(report.newEnrolments()).isEqualTo(2);
        assertThat(report.enrolmentsByCourse()).containsExactly(Map.entry("crs-a", 2), Map.entry("crs-b", 2));
        assertThat(report.revenueCents()).containsExactly(Map.entry("EUR", 200L), Map.entry("USD", 500L));
        assertThat(report.lessonFiles()).isEqualTo(7);
    }
}
