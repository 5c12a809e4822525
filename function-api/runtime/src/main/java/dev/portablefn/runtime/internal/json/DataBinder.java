package dev.portablefn.runtime.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.http.Redaction;
import dev.portablefn.api.json.JsonCodec;
import dev.portablefn.runtime.internal.validation.BeanValidation;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Binds what an adapter decoded (message bytes, text, a JSON tree, a portable record) to the type a
 * function asked for, then validates it. Every failure is an {@link InvalidInputException} naming
 * the input and the problem; nothing else escapes.
 *
 * <p>Rules: a value already of the target type passes through; {@code String} and {@code byte[]}
 * targets take the payload as UTF-8 text or bytes; {@code JsonNode} parses; {@code Object} keeps
 * the decoded value (bytes become text); anything else is JSON-bound through the codec. Text (what
 * Azure's worker hands over) is read as text, bytes as bytes: neither is converted to the other first.
 */
public final class DataBinder implements JsonCodec {

    private final JacksonCodec codec;
    private final BeanValidation validation;

    private DataBinder(JacksonCodec codec, BeanValidation validation) {
        this.codec = codec;
        this.validation = validation;
    }

    /**
     * Gives a binder over a function's codec.
     *
     * @param codec      the codec to bind JSON with
     * @param validation the validation to apply after binding, or {@code null} for none
     * @return a binder; build it once and share it
     */
    public static DataBinder of(JacksonCodec codec, BeanValidation validation) {
        return new DataBinder(codec, validation);
    }

    /**
     * Gives the binder of functions with the standard codec and validation on.
     *
     * @return a binder over {@link JacksonCodec#standard()} and {@link BeanValidation#shared()}
     */
    public static DataBinder standard() {
        return Holder.STANDARD;
    }

    /**
     * Gives the codec this binder reads JSON with.
     *
     * @return the codec
     */
    public JacksonCodec codec() {
        return codec;
    }

    /**
     * Binds a decoded payload to a type and validates the result.
     *
     * @param raw    the decoded payload
     * @param target the type to produce
     * @param what   names the input in errors, such as {@code "body"} or {@code "SQS record 3 body"}
     * @param <T>    the result type
     * @return the bound and validated value
     * @throws InvalidInputException if the payload does not bind or breaks a constraint
     */
    @Override
    public <T> T bind(Object raw, Type target, String what) {
        return bind(raw, codec.type(target), what);
    }

    /**
     * Binds a decoded payload to a type Jackson has already resolved, and validates the result.
     *
     * @param raw    the decoded payload
     * @param target the type to produce, already resolved
     * @param what   names the input in errors
     * @param <T>    the result type
     * @return the bound and validated value
     * @throws InvalidInputException if the payload does not bind or breaks a constraint
     */
    @SuppressWarnings("unchecked")
    public <T> T bind(Object raw, JavaType target, String what) {
        T value = (T) convert(raw, target, () -> what);
        if (validation != null) {
            validation.check(value, what);
        }
        return value;
    }

    /**
     * Like {@link #bind(Object, JavaType, String)}, for hot paths: the description is only built when binding fails.
     *
     * @param raw    the decoded input
     * @param target the type to bind to
     * @param what   names the input in errors; called only on failure
     * @param <T>    the target type
     * @return the bound value, validated when this binder validates
     * @throws InvalidInputException if the input does not fit the type or fails validation
     */
    @SuppressWarnings("unchecked")
    public <T> T bind(Object raw, JavaType target, Supplier<String> what) {
        T value = (T) convert(raw, target, what);
        if (validation != null) {
            validation.check(value, what);
        }
        return value;
    }

    private Object convert(Object raw, JavaType target, Supplier<String> what) {
        Class<?> rawClass = target.getRawClass();
        if (raw == null) {
            if (rawClass.isPrimitive()) {
                throw new InvalidInputException(what.get() + " is empty; expected " + describe(target), List.of(), null);
            }
            return null;
        }
        if (rawClass == Object.class) {
            return raw instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : raw;
        }
        if (rawClass == String.class) {
            if (raw instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (raw instanceof JsonNode node) {
                return node.isTextual() ? node.textValue() : node.toString();
            }
            if (raw instanceof String) {
                return raw;
            }
        }
        if (rawClass == byte[].class) {
            if (raw instanceof byte[]) {
                return raw;
            }
            if (raw instanceof String text) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            if (raw instanceof JsonNode node) {
                return codec.write(node);
            }
        }
        if (!target.hasGenericTypes() && rawClass.isInstance(raw)) {
            return raw;
        }
        try {
            if (raw instanceof byte[] bytes) {
                return readJson(bytes, bytes.length, target, what);
            }
            if (raw instanceof String text) {   // read as is: encoding it to bytes first would be a copy and a pass
                return readJson(text, text.length(), target, what);
            }
            return codec.convert(raw, target);
        } catch (IllegalArgumentException e) {
            throw mismatch(e.getCause() instanceof JsonMappingException m ? m : null, target, what, e);
        }
    }

    /** @param json UTF-8 bytes or text; the two are read by the codec's matching methods */
    private Object readJson(Object json, int length, JavaType target, Supplier<String> what) {
        if (length == 0) {
            throw new InvalidInputException(what.get() + " is empty; expected JSON for " + describe(target), List.of(), null);
        }
        try {
            if (target.getRawClass() == JsonNode.class) {
                return json instanceof String text ? codec.readTree(text) : codec.readTree((byte[]) json);
            }
            Object value = json instanceof String text ? codec.read(text, target) : codec.read((byte[]) json, target);
            if (value == null && target.getRawClass() != Object.class) {
                throw new InvalidInputException(what.get() + " is JSON null; expected " + describe(target), List.of(), null);
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw limitExceeded(e, what);
        } catch (JsonMappingException e) {
            // Jackson wraps a limit hit deep inside a bean in a mapping exception; report the limit, not the field.
            StreamConstraintsException limit = limitIn(e);
            if (limit != null) {
                throw limitExceeded(limit, what);
            }
            throw mismatch(e, target, what, e);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input; the location is enough for the caller, the rest is in the cause.
            throw new InvalidInputException(what.get() + " is not valid JSON" + location(e), List.of(), e);
        } catch (IOException e) {
            throw new InvalidInputException(what.get() + " could not be read as JSON", List.of(), e);
        }
    }

    private static StreamConstraintsException limitIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    private static InvalidInputException limitExceeded(StreamConstraintsException e, Supplier<String> what) {
        return new InvalidInputException(what.get() + " exceeds a JSON limit: " + limitName(e.getOriginalMessage())
                + "; raise it with Limits if the input is legitimate", List.of(), e);
    }

    /** Names the limit without Jackson's wording, which names its own classes and methods. */
    private static String limitName(String message) {
        String text = message == null ? "" : message;
        if (text.startsWith("String value length")) {
            return "a string is too long";
        }
        if (text.startsWith("Number value length") || text.startsWith("Number length")) {
            return "a number has too many digits";
        }
        if (text.contains("nesting depth")) {
            return "the nesting depth is too deep";
        }
        if (text.startsWith("Name length")) {
            return "a field name is too long";
        }
        return "the document is too large";
    }

    /**
     * Reports JSON that does not fit the target type. Clients get the field's path and a reason worded here, never
     * Jackson's message: it names the application's classes and repeats what an exception thrown in a constructor
     * said. That detail stays in the cause, for the log, unless the field's name marks a credential, whose value
     * Jackson's message may quote.
     */
    private static InvalidInputException mismatch(JsonMappingException e, JavaType target, Supplier<String> what, Throwable cause) {
        String field = e == null ? "" : path(e.getPath());
        String reason = reason(e);
        String message = what.get() + " is not a valid " + describe(target)
                + (field.isEmpty() ? ": " + reason : ": field '" + field + "' " + reason);
        Throwable logged = credential(e) ? null : cause;
        return new InvalidInputException(message, List.of(new Violation(field, reason)), logged);
    }

    private static String reason(JsonMappingException e) {
        if (e == null) {
            return "does not fit";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidTypeIdException) {
            return "has a missing or unknown type";
        }
        if (e instanceof ValueInstantiationException) {
            return "is not a valid value";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + expected(mismatched.getTargetType());
        }
        return "is not valid";
    }

    /** What a JSON value for a Java type looks like, in the words of a JSON document. */
    private static String expected(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of the accepted values";
        }
        if (Temporal.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type)) {
            return "a date, time or duration in ISO-8601 form";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static boolean credential(JsonMappingException e) {
        if (e == null) {
            return false;
        }
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null && Redaction.marksCredential(reference.getFieldName())) {
                return true;
            }
        }
        return false;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String describe(JavaType type) {
        return type.getRawClass().getSimpleName();
    }

    @Override
    public byte[] write(Object value) {
        return codec.write(value);
    }

    private static final class Holder {
        static final DataBinder STANDARD = new DataBinder(JacksonCodec.standard(), BeanValidation.shared());
    }
}
