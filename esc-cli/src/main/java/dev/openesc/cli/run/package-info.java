/**
 * The machinery of {@code esc run}: running a command inside an opened environment.
 *
 * <ul>
 *   <li>{@link dev.openesc.cli.run.CommandRunner} runs a {@link dev.openesc.cli.run.RunSpec} to its end and returns
 *       the exit status to leave with.
 *   <li>{@link dev.openesc.cli.run.TemporaryFiles} writes an environment's {@code files} privately for one run.
 *   <li>{@link dev.openesc.cli.run.SecretRedactor} and {@link dev.openesc.cli.run.RedactingOutputStream} hide
 *       secrets in output as it streams.
 *   <li>{@link dev.openesc.cli.run.CommandResolver} finds the program a command names.
 *   <li>{@link dev.openesc.cli.run.ChildLaunchWarmup} first runs the JDK's process machinery on the start-up
 *       warm-up thread of {@code esc run}.
 * </ul>
 *
 * <p>This package knows nothing of environments: the caller opens one and turns it into variables, files and
 * secrets. It runs on Linux (POSIX file modes, {@code /proc}, {@code /bin/sh}) with a HotSpot JVM
 * ({@code sun.misc.Signal}).
 */
package dev.openesc.cli.run;
