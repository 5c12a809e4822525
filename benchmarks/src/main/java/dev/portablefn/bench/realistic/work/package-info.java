/** What the realistic benchmark's function does on both sides once its input is routed, bound and valid. */
package dev.portablefn.bench.realistic.work;
