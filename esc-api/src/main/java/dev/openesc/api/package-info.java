/**
 * The API of OpenESC as Java: {@link dev.openesc.api.EscService} (one method per operation of the REST API),
 * the records it takes and answers, the {@link dev.openesc.api.EscException} family it fails with, and the
 * naming rules ({@link dev.openesc.api.Names}) and duration syntax ({@link dev.openesc.api.Durations})
 * clients share with the server. Evaluated environments, values and diagnostics are esc-core's types.
 */
package dev.openesc.api;
