/**
 * The email pipeline on AWS Lambda: one {@link dev.portablefn.aws.LambdaHandler} per function, rendered with the
 * {@code target/sam/template.yaml} naming it from {@link dev.portablefn.examples.email.EmailPipelineDeployment}, each running its function from the container's
 * {@link dev.portablefn.examples.email.CloudDeployment#pipeline()}.
 */
package dev.portablefn.examples.email.aws;
