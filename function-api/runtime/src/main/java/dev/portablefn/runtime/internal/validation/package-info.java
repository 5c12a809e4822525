/**
 * Internal: Jakarta Validation of bound input. {@code BeanValidation} is the one home of the rules (which values are
 * checked, field paths, sorting, the message); a {@link dev.portablefn.runtime.internal.validation.ValidationEngine}
 * finds the violations: Hibernate Validator, started lazily and without EL, unless another engine is registered.
 * Used by the runtime's binder and middleware and by engine modules, not for functions to call.
 */
package dev.portablefn.runtime.internal.validation;
