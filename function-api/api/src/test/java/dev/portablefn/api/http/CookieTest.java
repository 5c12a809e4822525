package dev.portablefn.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CookieTest {

    @Test
    void sessionCookieHasNoAttributes() {
        assertThat(Cookie.of("session", "abc").toSetCookieHeader()).isEqualTo("session=abc");
    }

    @Test
    void allAttributesAreRenderedInOrder() {
        Cookie cookie = Cookie.of("id", "42").withPath("/app").withDomain("example.com").withMaxAge(Duration.ofHours(1))
                .asSecure().asHttpOnly().withSameSite("Lax");

        assertThat(cookie.toSetCookieHeader())
                .isEqualTo("id=42; Path=/app; Domain=example.com; Max-Age=3600; Secure; HttpOnly; SameSite=Lax");
        assertThat(cookie.name()).isEqualTo("id");
        assertThat(cookie.secure()).isTrue();
        assertThat(cookie.httpOnly()).isTrue();
    }

    @Test
    void withersLeaveTheOriginalUnchanged() {
        Cookie original = Cookie.of("a", "b");

        original.asSecure().withPath("/");

        assertThat(original.secure()).isFalse();
        assertThat(original.path()).isNull();
    }

    @Test
    void negativeMaxAgeIsSentAsZero() {
        assertThat(Cookie.of("a", "b").withMaxAge(Duration.ofSeconds(-5)).toSetCookieHeader()).isEqualTo("a=b; Max-Age=0");
    }

    @Test
    void emptyValueIsAllowed() {
        assertThat(Cookie.of("a", "").toSetCookieHeader()).isEqualTo("a=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a;b", "a=b", "na\"me", "a,b", "é"})
    void badNamesAreRejected(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cookie.of(name, "v")).withMessageContaining("token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a;b", "a,b", "\"q\"", "a\\b", "é", "a\nb"})
    void badValuesAreRejected(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cookie.of("n", value)).withMessageContaining("encode it first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a; Secure", "/a\r\nX-Injected: 1"})
    void attributesCannotSmuggleOtherAttributes(String path) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cookie.of("n", "v").withPath(path)).withMessageContaining("Path");
        assertThatIllegalArgumentException().isThrownBy(() -> Cookie.of("n", "v").withDomain(path)).withMessageContaining("Domain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lax", "Sometimes", ""})
    void unknownSameSiteIsRejected(String sameSite) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cookie.of("n", "v").withSameSite(sameSite))
                .withMessageContaining("Strict, Lax or None");
    }

    @Test
    void nameAndValueAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> Cookie.of(null, "v"));
        assertThatNullPointerException().isThrownBy(() -> Cookie.of("n", null));
    }
}
