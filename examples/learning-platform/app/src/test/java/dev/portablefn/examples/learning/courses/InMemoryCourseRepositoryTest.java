package dev.portablefn.examples.learning.courses;

class InMemoryCourseRepositoryTest extends CourseRepositoryContract {

    @Override
    CourseRepository newRepository() {
        return new InMemoryCourseRepository();
    }
}
