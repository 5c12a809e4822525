/**
 * The local dev server: {@link dev.portablefn.cli.server.DevServer} serves an HTTP function deployed in a
 * LocalCloud on a local port, for {@code curl} and browsers; the CLI's {@code serve} command and example
 * applications' local runs use it.
 */
package dev.portablefn.cli.server;
