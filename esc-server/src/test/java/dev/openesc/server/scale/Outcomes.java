package dev.openesc.server.scale;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a load's clients were answered, shared by their threads: a count per status, the markers of the
 * updates answered 200 and of those refused, per environment, and requests that got no answer at all.
 */
final class Outcomes {

    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> refused = new ConcurrentHashMap<>();
    private final Queue<String> unanswered = new ConcurrentLinkedQueue<>();

    void answered(int status) {
        statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
    }

    /** An update answered {@code status}: 200 acknowledges it, anything else refuses it. */
    void update(String env, String marker, int status) {
        answered(status);
        (status == 200 ? acknowledged : refused).computeIfAbsent(env, key -> new ConcurrentLinkedQueue<>())
                .add(marker);
    }

    void unanswered(String what) {
        unanswered.add(what);
    }

    int count(int status) {
        AtomicInteger count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> out = new TreeMap<>();
        statuses.forEach((status, count) -> out.put(status, count.get()));
        return out;
    }

    List<String> acknowledged(String env) {
        return List.copyOf(acknowledged.getOrDefault(env, new ConcurrentLinkedQueue<>()));
    }

    List<String> refused(String env) {
        return List.copyOf(refused.getOrDefault(env, new ConcurrentLinkedQueue<>()));
    }

    List<String> unanswered() {
        return List.copyOf(unanswered);
    }

    @Override
    public String toString() {
        return "statuses " + statuses() + ", unanswered " + unanswered.size();
    }
}
