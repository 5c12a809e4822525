/**
 * A double of the worker pools that run one function instance's invocations at once (the Functions Framework with
 * concurrency above 1, the Azure Java worker's thread pool): {@link
 * dev.portablefn.doubles.concurrency.ConcurrentInvocations}.
 */
package dev.portablefn.doubles.concurrency;
