/**
 * Internal: percent-decoding of paths, query strings and URL-encoded provider fields, shared by the adapters and
 * the testing kit. Not for functions to call; a function sees paths and parameters already decoded.
 */
package dev.portablefn.runtime.internal.http;
