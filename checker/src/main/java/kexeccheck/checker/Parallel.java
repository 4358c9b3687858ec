package kexeccheck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one task per group of work on its own thread and gathers the results in the groups' order.
 *
 * <p>Each thread gets a 16 MiB stack, as the launcher gives the main thread: Alloy's translator
 * recurses over the formula's tree, which is deep for these models. The first failure of any task
 * is rethrown in the caller (a {@link BadInputException} stays one), after every thread has ended.
 */
public final class Parallel {

    private static final long STACK_BYTES = 16L << 20;

    private Parallel() {}

    /** One unit of work: its position among the groups, and the group. */
    @FunctionalInterface
    public interface Task<T, R> {
        R run(int index, T group);
    }

    /**
     * The number of threads {@code --jobs} takes by default: every core but one, which the JVM's
     * JIT compiler and garbage collector use beside them. On the 2-core benchmark machine two
     * solving threads made the standard matrix slower, not faster (30.6 s against 27 s:
     * docs/performance.md), so there the default is one.
     */
    public static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** The task applied to every group, each on a thread of its own (one group runs on the caller's). */
    public static <T, R> List<R> map(List<T> groups, Task<T, R> task) {
        if (groups.size() == 1) {
            return List.of(task.run(0, groups.get(0)));
        }
        List<AtomicReference<R>> results = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            int index = i;
            AtomicReference<R> result = new AtomicReference<>();
            results.add(result);
            Thread t = new Thread(null, () -> {
                try {
                    result.set(task.run(index, groups.get(index)));
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }, "kexec-check-job-" + (i + 1), STACK_BYTES);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the jobs", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        return results.stream().map(AtomicReference::get).toList();
    }
}
