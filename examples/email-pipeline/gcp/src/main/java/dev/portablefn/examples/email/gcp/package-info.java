/**
 * The email pipeline on Google Cloud Functions (2nd gen): one {@link dev.portablefn.gcp.GcpCloudEventFunction} per
 * function, each named in {@code deploy-gcp.sh}, each running its function from the instance's
 * {@link dev.portablefn.examples.email.CloudDeployment#pipeline()}.
 */
package dev.portablefn.examples.email.gcp;
