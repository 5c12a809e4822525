/**
 * The email pipeline on Azure Functions: {@link dev.portablefn.examples.email.azure.EmailPipelineFunctions}, one
 * annotated method per function, from which azure-functions-maven-plugin writes each {@code function.json}.
 */
package dev.portablefn.examples.email.azure;
