package dev.portablefn.examples.learning.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EnrolmentRepository} in memory, for local runs and tests; thread-safe. */
public final class InMemoryEnrolmentRepository implements EnrolmentRepository {

    private final Map<String, Enrolment> byUserAndCourse = new ConcurrentHashMap<>();
    private final List<Enrolment> inOrder = new CopyOnWriteArrayList<>();

    @Override
    public boolean enrolIfAbsent(Enrolment enrolment) {
        String key = enrolment.userId() + "/" + enrolment.courseId();
        if (byUserAndCourse.putIfAbsent(key, enrolment) != null) {
            return false;
        }
        inOrder.add(enrolment);
        return true;
    }

    @Override
    public List<Enrolment> byUser(String userId) {
        return inOrder.stream().filter(e -> e.userId().equals(userId)).toList();
    }

    @Override
    public List<Enrolment> all() {
        return List.copyOf(new ArrayList<>(inOrder));
    }
}
