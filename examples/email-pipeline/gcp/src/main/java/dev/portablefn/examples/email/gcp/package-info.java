/**
 * The email pipeline on Google Cloud Functions (2nd gen): one {@link dev.portablefn.gcp.GcpCloudEventFunction} per
 * function, rendered with the {@code target/deploy/deploy-gcp.sh} naming it from
 * {@link dev.portablefn.examples.email.EmailPipelineDeployment}, each running its function from the instance's
 * {@link dev.portablefn.examples.email.CloudDeployment#pipeline()}.
 */
package dev.portablefn.examples.email.gcp;
