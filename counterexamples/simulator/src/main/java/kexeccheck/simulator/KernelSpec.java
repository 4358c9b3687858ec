package kexeccheck.simulator;

import kexeccheck.simulator.kernel.Capabilities;

/**
 * A kernel to boot: its name in the chain, capabilities, the byte it resets
 * property tables to, and whether its command line reserves a crashkernel
 * region (it does when it is the one that will crash-kexec).
 *
 * @param name {@code K1}, {@code K2}, …
 * @param capabilities its capabilities
 * @param propertyByte LPI_PROP_DEFAULT_PRIO | LPI_PROP_GROUP1: 0xa2 up to 6.11, 0xc2 from 6.12
 * @param crashKernel whether {@code crashkernel=} is on its command line
 */
public record KernelSpec(String name, Capabilities capabilities, int propertyByte, boolean crashKernel) {}
