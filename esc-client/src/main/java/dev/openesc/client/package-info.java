/**
 * {@link dev.openesc.api.EscService} over the ESC REST API, with {@code java.net.http}: what the CLI uses
 * when it is logged in to a server, and a Java SDK for anyone else. HTTP failures come back as the same
 * {@link dev.openesc.api.EscException}s the in-process service throws, so callers handle one family.
 */
package dev.openesc.client;
