package dev.portablefn.runtime.json;

import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.lang.annotation.Annotation;

/**
 * Jackson's own annotation introspector, told that Jakarta Validation's constraint annotations and the JDK's meta
 * annotations never bundle Jackson annotations. To learn whether an annotation is a bundle, Jackson reads the
 * annotation type's own annotations, and each meta annotation that turns up there ({@code @Constraint},
 * {@code @Target}, {@code @Documented}, {@code @Repeatable}) makes the JDK generate a proxy class: four of them on the
 * cold path of every function that binds a validated type, which none of them needs.
 */
final class ValidationAwareIntrospector extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isAnnotationBundle(Annotation annotation) {
        String type = annotation.annotationType().getName();
        if (type.startsWith("jakarta.validation.") || type.startsWith("java.lang.annotation.")) {
            return false;
        }
        return super.isAnnotationBundle(annotation);
    }
}
