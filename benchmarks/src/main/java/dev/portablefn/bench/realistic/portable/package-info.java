/** The realistic benchmark's portable functions, written against the portable API as a user would. */
package dev.portablefn.bench.realistic.portable;
