/**
 * Doubles of the Azure Functions Java library interfaces ({@code azure-functions-java-library}): {@link
 * dev.portablefn.doubles.azure.FakeExecutionContext} for every trigger, and {@link
 * dev.portablefn.doubles.azure.FakeHttpRequestMessage} with the {@link
 * dev.portablefn.doubles.azure.FakeHttpResponseMessage} it builds for HTTP triggers.
 */
package dev.portablefn.doubles.azure;
