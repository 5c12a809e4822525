/**
 * The {@code portablefn} command line, {@code java -jar portablefn-cli.jar decode|invoke|serve ...}: decodes
 * recorded provider payloads to portable events, invokes a function through a provider's real adapter entry
 * in memory, and serves an HTTP function locally. {@link dev.portablefn.cli.Cli} is its entry point.
 */
package dev.portablefn.cli;
