/**
 * Doubles of the AWS Lambda runtime interfaces ({@code aws-lambda-java-core}): {@link
 * dev.portablefn.doubles.aws.FakeLambdaContext}, the {@code Context} the runtime client hands a handler, and {@link
 * dev.portablefn.doubles.aws.FakeLambdaLogger}, the log stream it writes to.
 */
package dev.portablefn.doubles.aws;
