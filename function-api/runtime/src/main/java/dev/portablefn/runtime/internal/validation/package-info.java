/**
 * Internal: Jakarta Validation of bound input, on Hibernate Validator started lazily and without EL so a function
 * that never validates does not pay for it. Used by the runtime's binder and middleware, not for functions to call.
 */
package dev.portablefn.runtime.internal.validation;
