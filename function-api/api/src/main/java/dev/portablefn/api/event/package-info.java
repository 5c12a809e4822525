/**
 * The portable data of events whose payload is the provider's rather than the user's: a stored object's
 * change ({@link dev.portablefn.api.event.StorageObject}), a schedule's tick
 * ({@link dev.portablefn.api.event.ScheduleTick}) and a database document's change
 * ({@link dev.portablefn.api.event.DocumentChange}). An event function asks for one of these as its data type.
 */
package dev.portablefn.api.event;
