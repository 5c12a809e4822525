/**
 * Opt-in validation engine: Jakarta constraints checked by avaje-validator's build-time generated adapters, registered
 * with {@link java.util.ServiceLoader} as the runtime's
 * {@link dev.portablefn.runtime.internal.validation.ValidationEngine}. Nothing here is for functions to call: adding
 * the module (and the generator to the build) is all a user does.
 */
package dev.portablefn.validation.avaje;
