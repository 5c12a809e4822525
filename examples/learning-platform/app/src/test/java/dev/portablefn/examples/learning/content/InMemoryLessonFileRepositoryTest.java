package dev.portablefn.examples.learning.content;

class InMemoryLessonFileRepositoryTest extends LessonFileRepositoryContract {

    @Override
    LessonFileRepository newRepository() {
        return new InMemoryLessonFileRepository();
    }
}
