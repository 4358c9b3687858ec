package kexeccheck.simulator.memory;

/** Sees every write to physical memory before it lands (the stray-write detector is one). */
@FunctionalInterface
public interface MemoryObserver {

    /**
     * Called once per write.
     *
     * @param pa the first byte written
     * @param length the number of bytes
     * @param writer who writes
     */
    void beforeWrite(long pa, int length, Writer writer);
}
