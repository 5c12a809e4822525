package dev.portablefn.validation.avaje;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.runtime.internal.validation.ValidationEngine;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    @Test
    void theModuleRegistersItsEngineAndTheTestsPutTheSwitchableOneFirst() {
        assertThat(ServiceLoader.load(ValidationEngine.class, ValidationEngine.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::type))
                .containsExactly(SwitchableEngine.class, AvajeValidationEngine.class);
    }
}
