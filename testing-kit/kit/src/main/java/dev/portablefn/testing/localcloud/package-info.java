/**
 * LocalCloud, an in-memory cloud for whole-system tests, and the values it is configured with and reports
 * ({@link dev.portablefn.testing.localcloud.Preset}, {@link dev.portablefn.testing.localcloud.DeliveryPolicy},
 * {@link dev.portablefn.testing.localcloud.Delivery}, {@link dev.portablefn.testing.localcloud.DeadLetter},
 * {@link dev.portablefn.testing.localcloud.InvocationRecord}).
 *
 * <p>{@link dev.portablefn.testing.localcloud.LocalCloud} is the only entry point; behind it, package-private parts
 * each keep one concern: the registry of functions and resources, the message router and object store, the
 * scheduler (virtual time), the delivery engine and the history that tests inspect.
 */
package dev.portablefn.testing.localcloud;
