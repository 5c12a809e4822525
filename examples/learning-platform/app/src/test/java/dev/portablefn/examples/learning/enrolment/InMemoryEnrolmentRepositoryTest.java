package dev.portablefn.examples.learning.enrolment;

class InMemoryEnrolmentRepositoryTest extends EnrolmentRepositoryContract {

    @Override
    EnrolmentRepository newRepository() {
        return new InMemoryEnrolmentRepository();
    }
}
