/**
 * The email pipeline on AWS Lambda: one {@link dev.portablefn.aws.LambdaHandler} per function, each named in
 * {@code template.yaml}, each running its function from the container's
 * {@link dev.portablefn.examples.email.CloudDeployment#pipeline()}.
 */
package dev.portablefn.examples.email.aws;
