package dev.portablefn.validation.avaje;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates instances of the {@link Shapes}: each field drawn from values on both sides of its constraints' edges,
 * with a fixed seed so a failure repeats. Every instance goes to both engines.
 */
final class Samples {

    private static final List<String> TEXTS = Arrays.asList(null, "", " ", "\t", "a", " a ", "Java");
    private static final List<String> CODES = Arrays.asList(null, "", "a", "ab", "abcde", "abcdef", "  ");
    private static final List<List<String>> TAGS = Arrays.asList(null, List.of(), List.of("a", "b", "c"),
            List.of("a", "b", "c", "d"));
    private static final List<List<String>> ROLES = Arrays.asList(null, List.of(), List.of("admin"));
    private static final int[] AGES = {Integer.MIN_VALUE, -1, 0, 17, 18, 19, Integer.MAX_VALUE};
    private static final List<Integer> MAX_AGES = Arrays.asList(null, Integer.MIN_VALUE, 0, 119, 120, 121, Integer.MAX_VALUE);
    private static final long[] CREDITS = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE};
    private static final int[] SIGNED = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};
    private static final List<String> SLUGS = Arrays.asList(null, "", "a", "A", "ab1", "abc", "a-b");
    private static final List<String> PINS = Arrays.asList(null, "", "12", "123", "1234", "abc", "12a");
    private static final List<String> EMAILS = Arrays.asList(null, "", "a@b", "a@b.org", "bad", "a@", "@b.org",
            "a b@c.org", "first.last@sub.example.com", "a..b@c.org", ".a@b.org", "a@b..org", "a@-b.org",
            "\"quoted\"@b.org", "a+tag@b.org", "a@[127.0.0.1]", "ü@b.org", "a@b.c", "a@localhost");
    private static final List<Shapes.Address> ADDRESSES = Arrays.asList(null, new Shapes.Address("Oslo", "12345"),
            new Shapes.Address(" ", "123"), new Shapes.Address(null, null), new Shapes.Address("", "123456"));
    // Always a new instance: bound JSON never shares one, and Hibernate Validator checks an instance that appears
    // twice in one list only once (avaje checks it at each index).
    private static final List<String> TITLES = Arrays.asList(null, "", " ", "Java", "x".repeat(80), "x".repeat(81));
    private static final List<String> COURSE_CODES = Arrays.asList(null, "", "CS-101", "cs-101", "C-101", "ABCD-101",
            "ABCDE-101", "CS-1012", "CS101");

    private final Random random;

    Samples(long seed) {
        this.random = new Random(seed);
    }

    List<Object> courses(int count) {
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(course());
        }
        return all;
    }

    List<Object> profiles(int count) {
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(profile());
        }
        return all;
    }

    /** Bodies bound to {@code List<NewCourse>}: {@code BeanValidation} checks each element with its index. */
    List<Object> courseLists(int count) {
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Shapes.NewCourse> list = new ArrayList<>();
            int size = random.nextInt(4);
            for (int j = 0; j < size; j++) {
                list.add(random.nextInt(5) == 0 ? null : course());
            }
            all.add(list);
        }
        return all;
    }

    Shapes.NewCourse course() {
        return new Shapes.NewCourse(pick(TITLES), pick(SIGNED), pick(COURSE_CODES));
    }

    /** Half the profiles draw every field; the others keep a valid value in each field but about one. */
    Shapes.Profile profile() {
        boolean nearValid = random.nextBoolean();
        double odds = nearValid ? 1.0 / 17 : 1.0;
        return new Shapes.Profile(
                or(odds, "id-1", () -> pick(TEXTS)), or(odds, "Ada", () -> pick(TEXTS)),
                or(odds, "ada", () -> pick(TEXTS)), or(odds, "abc", () -> pick(CODES)),
                or(odds, List.of("x"), () -> pick(TAGS)), or(odds, List.of("admin"), () -> pick(ROLES)),
                or(odds, 30, () -> pick(AGES)), or(odds, 100, () -> pick(MAX_AGES)),
                or(odds, 5L, () -> CREDITS[random.nextInt(CREDITS.length)]), or(odds, 0, () -> pick(SIGNED)),
                or(odds, -5, () -> pick(SIGNED)), or(odds, "slug", () -> pick(SLUGS)),
                or(odds, "123", () -> pick(PINS)), or(odds, "ada@example.org", () -> pick(EMAILS)),
                or(odds, new Shapes.Address("Oslo", "12345"), this::address), or(odds, List.of(), this::previous),
                or(odds, List.of("ok"), this::aliases));
    }

    private <T> T or(double odds, T valid, java.util.function.Supplier<T> drawn) {
        return random.nextDouble() < odds ? drawn.get() : valid;
    }

    private List<Shapes.Address> previous() {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> List.of();
            case 2 -> Arrays.asList(address(), address());
            default -> Collections.singletonList(address());
        };
    }

    private Shapes.Address address() {
        Shapes.Address picked = pick(ADDRESSES);
        return picked == null ? null : new Shapes.Address(picked.city(), picked.zip());
    }

    private List<String> aliases() {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> List.of();
            default -> Arrays.asList(pick(TEXTS), pick(TEXTS), pick(TEXTS));
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }
}
