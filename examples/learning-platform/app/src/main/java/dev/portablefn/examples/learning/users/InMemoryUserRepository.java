package dev.portablefn.examples.learning.users;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link UserRepository} in maps, for local runs and tests; thread-safe. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<String, User> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByEmail = new ConcurrentHashMap<>();

    @Override
    public boolean saveIfEmailFree(User user) {
        if (idByEmail.putIfAbsent(user.email(), user.id()) != null) {
            return false;
        }
        byId.put(user.id(), user);
        return true;
    }

    @Override
    public Optional<User> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public int count() {
        return byId.size();
    }
}
