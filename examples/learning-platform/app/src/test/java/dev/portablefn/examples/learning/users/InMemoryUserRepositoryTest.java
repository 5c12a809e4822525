package dev.portablefn.examples.learning.users;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    @Override
    UserRepository newRepository() {
        return new InMemoryUserRepository();
    }
}
