package kexeccheck.simulator.kernel;

import java.util.OptionalLong;
import kexeccheck.simulator.memory.AddressRange;

/**
 * The page allocator's freedom: which free block it hands out. A real
 * buddy allocator's choice depends on history the simulator does not have, so
 * it is a parameter: a replay takes the trace's choices, a property test a
 * random one, and otherwise the lowest free block is used.
 */
public interface Placement {

    /**
     * The block the allocator should hand out for {@code purpose}
     * (e.g. {@code property-table}, {@code pending-table:CPU1}), or empty for the default.
     */
    OptionalLong preferred(String purpose, long size);

    /** Whether a default allocation should stay out of this range (replay keeps unnamed allocations out of frames). */
    default boolean avoid(AddressRange range) {
        return false;
    }

    /** The preferred block could not be used (it is not free): the caller records it. */
    default void refused(String purpose, long pa, Use actually) {}

    /** Lowest free block, nothing preferred. */
    Placement LOWEST = (purpose, size) -> OptionalLong.empty();
}
