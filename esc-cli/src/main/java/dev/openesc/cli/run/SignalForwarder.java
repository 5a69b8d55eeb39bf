package dev.openesc.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Passes the signals esc receives on to the child it runs, for as long as the child runs, so that esc behaves as
 * the command itself would: {@code kill <esc>} stops the command, and esc then exits with the command's status
 * and removes its temporary files.
 *
 * <p>Forwarded: SIGTERM (through {@link ProcessHandle#destroy()}, which sends exactly that), SIGINT and SIGHUP
 * (through the {@code kill} built into {@code /bin/sh}: Java has no call that sends an arbitrary signal to a
 * process).
 * SIGQUIT cannot be forwarded: HotSpot keeps it for thread dumps and refuses a handler. A SIGQUIT typed at the
 * terminal (Ctrl-\) still reaches the child, which shares esc's process group.
 *
 * <p>A SIGINT typed at the terminal (Ctrl-C) goes to the whole foreground process group, the child included;
 * forwarding it too would deliver it twice, and some programs treat a second interrupt as "stop now, skip the
 * cleanup". So while esc is in the foreground process group of its terminal, SIGINT is not forwarded.
 *
 * <p>Built on {@code sun.misc.Signal}; where that is missing the JVM's own handling stays in place (a SIGTERM
 * then runs the shutdown hooks, which still remove the temporary files).
 */
final class SignalForwarder implements SignalHandler, AutoCloseable {

    private static final String[] FORWARDED = {"TERM", "INT", "HUP"};

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final List<Signal> early = new ArrayList<>();
    private Process child;

    private SignalForwarder() {}

    /**
     * Takes over the signals; they are forwarded once {@link #attach(Process) a child is attached}, and
     * {@link #close()} puts the previous handlers back. Installing before the child starts leaves no moment in
     * which a signal would end esc and orphan the child; a signal that arrives before the child exists is
     * delivered to it as soon as it does.
     */
    static SignalForwarder install() {
        SignalForwarder forwarder = new SignalForwarder();
        for (String name : FORWARDED) {
            try {
                Signal signal = new Signal(name);
                // The forwarder is the handler itself, and the loops below are plain: no lambda to link at the
                // start of every `esc run` (docs/decisions.md 25).
                SignalHandler old = Signal.handle(signal, forwarder);
                if (old == SignalHandler.SIG_IGN) {
                    // esc was started with this signal ignored (a background job of a non-interactive shell): so
                    // was the child; keep ignoring it.
                    Signal.handle(signal, old);
                } else {
                    forwarder.previous.put(signal, old);
                }
            } catch (IllegalArgumentException | LinkageError unavailable) {
                // Not available on this platform or reserved by the JVM: leave the default behaviour.
            }
        }
        return forwarder;
    }

    /** Starts forwarding to {@code process}, first delivering what arrived before it existed. */
    void attach(Process process) {
        List<Signal> pending;
        synchronized (this) {
            child = process;
            pending = List.copyOf(early);
            early.clear();
        }
        for (Signal signal : pending) {
            deliver(process, signal);
        }
    }

    /** Forwards {@code signal} to the child, or keeps it until one is attached. */
    @Override
    public void handle(Signal signal) {
        Process target;
        synchronized (this) {
            target = child;
            if (target == null) {
                early.add(signal);
                return;
            }
        }
        deliver(target, signal);
    }

    private static void deliver(Process child, Signal signal) {
        if (!child.isAlive()) {
            return;
        }
        switch (signal.getName()) {
            // Not Process.destroy(): that also closes esc's ends of the child's pipes, losing the output the child
            // writes while it shuts down. The handle only sends the signal (and checks the pid was not reused).
            case "TERM" -> child.toHandle().destroy();
            case "INT" -> {
                if (!inForegroundOfTerminal()) {
                    sendWithKill(child, "INT");
                }
            }
            default -> sendWithKill(child, signal.getName());
        }
    }

    private static void sendWithKill(Process child, String name) {
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s \"$0\" \"$1\"", name,
                    Long.toString(child.pid()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor();
        } catch (IOException e) {
            // Could not reach the child; it keeps running and esc keeps waiting for it, as without forwarding.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * True when this process belongs to the foreground process group of a controlling terminal, read from
     * {@code /proc/self/stat}: fields 5 (process group), 7 (terminal) and 8 (the terminal's foreground group).
     */
    static boolean inForegroundOfTerminal() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) is in parentheses and may contain spaces; count from after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long processGroup = Long.parseLong(fields[2]);
            long terminal = Long.parseLong(fields[4]);
            long foregroundGroup = Long.parseLong(fields[5]);
            return terminal != 0 && foregroundGroup == processGroup;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Puts the previous handlers back. If no child was ever attached (it failed to start) and a signal came
     * meanwhile, it is raised again now, so that esc ends the way the signal asked.
     */
    @Override
    public void close() {
        for (Map.Entry<Signal, SignalHandler> entry : previous.entrySet()) {
            try {
                Signal.handle(entry.getKey(), entry.getValue());
            } catch (IllegalArgumentException ignored) {
                // It was accepted a moment ago; nothing sensible to do if it is refused now.
            }
        }
        previous.clear();
        Signal unanswered;
        synchronized (this) {
            unanswered = child == null && !early.isEmpty() ? early.get(0) : null;
            early.clear();
        }
        if (unanswered != null) {
            Signal.raise(unanswered);
        }
    }
}
