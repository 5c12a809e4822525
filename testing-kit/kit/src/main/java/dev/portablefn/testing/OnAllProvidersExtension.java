package dev.portablefn.testing;

import dev.portablefn.api.Provider;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Expands an {@link OnAllProviders} test into one invocation per provider and injects that provider's tester. */
final class OnAllProvidersExtension implements TestTemplateInvocationContextProvider {

    static final List<Provider> PROVIDERS = List.of(Provider.AWS, Provider.AZURE, Provider.GCP);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> method.isAnnotationPresent(OnAllProviders.class)
                || java.util.Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> a.annotationType().isAnnotationPresent(OnAllProviders.class))).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return PROVIDERS.stream().map(ProviderInvocation::new);
    }

    private record ProviderInvocation(Provider provider) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + provider.name() + "]";   // reports read "aTest(ProviderTester)[AZURE]", not "[2]"
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Resolver(provider));
        }
    }

    private record Resolver(Provider provider) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
            Class<?> type = parameter.getParameter().getType();
            return type == ProviderTester.class || type == Provider.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
            return parameter.getParameter().getType() == Provider.class ? provider : ProviderTester.of(provider);
        }
    }
}
