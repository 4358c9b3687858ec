package kexeccheck.simulator.kernel;

/**
 * A fatal error at boot. Either the kernel touched memory it cannot — a write
 * through the linear map where there is none (no-map memory, arm64
 * map_mem()), or a walk that runs off a mapped page: Linux prints "Unable to
 * handle kernel paging request" — or an early allocation found no memory
 * (an absurd reservation took it all). This early in boot either panics:
 * the kernel is dead (the fail-stop class).
 */
public final class KernelFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long address;

    /**
     * @param address the physical address it tried to touch
     * @param where the function that touched it
     */
    public KernelFault(long address, String where) {
        super(String.format("Unable to handle kernel paging request at PA 0x%016x in %s", address, where));
        this.address = address;
    }

    /** An allocation that found no memory ({@code address} is -1). */
    public static KernelFault outOfMemory(long bytes, String purpose) {
        return new KernelFault(-1, bytes, purpose);
    }

    private KernelFault(long address, long bytes, String purpose) {
        super(String.format("Kernel panic - not syncing: out of memory: no free block of %d bytes for %s", bytes, purpose));
        this.address = address;
    }

    /** The physical address it tried to touch, or -1 for an allocation that found no memory. */
    public long address() {
        return address;
    }
}
