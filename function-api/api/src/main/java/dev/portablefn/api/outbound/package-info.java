/**
 * Portable ports for what a function sends out: {@link dev.portablefn.api.outbound.Publisher} puts a message on
 * a topic or queue, {@link dev.portablefn.api.outbound.BlobStore} reads and writes objects in buckets. A
 * function receives an implementation from its setup code: the testing kit's over LocalCloud, or one on a
 * provider's SDK.
 */
package dev.portablefn.api.outbound;
