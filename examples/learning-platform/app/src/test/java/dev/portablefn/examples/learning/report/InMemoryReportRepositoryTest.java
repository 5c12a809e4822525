package dev.portablefn.examples.learning.report;

class InMemoryReportRepositoryTest extends ReportRepositoryContract {

    @Override
    ReportRepository newRepository() {
        return new InMemoryReportRepository();
    }
}
