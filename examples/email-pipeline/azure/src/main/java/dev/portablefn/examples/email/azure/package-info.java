/**
 * The email pipeline on Azure Functions: {@link dev.portablefn.examples.email.azure.EmailPipelineFunctions}, one
 * annotated method per function, rendered from
 * {@link dev.portablefn.examples.email.EmailPipelineDeployment} with {@code target/azure/host.json}, from which azure-functions-maven-plugin writes each {@code function.json}.
 */
package dev.portablefn.examples.email.azure;
