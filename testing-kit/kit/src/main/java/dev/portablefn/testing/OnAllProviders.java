package dev.portablefn.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test once per provider (AWS, AZURE, GCP), each run named after its provider and given a
 * {@link ProviderTester} (and the {@link dev.portablefn.api.Provider}) bound to it, so one assertion proves
 * a function behaves the same on every cloud:
 *
 * <pre>{@code
 * @OnAllProviders
 * void rejectsBadOrders(ProviderTester providers) {
 *     InvocationResult result = providers.tester(new Orders()).queue("{\"id\":1}", "oops");
 *     assertThat(result.failedIds()).containsExactly("message-2");
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(OnAllProvidersExtension.class)
public @interface OnAllProviders {
}
