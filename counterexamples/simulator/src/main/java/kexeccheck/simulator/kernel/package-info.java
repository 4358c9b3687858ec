/** A kernel as the simulator knows it: memblock, owner tags, the page allocator, early boot. */
package kexeccheck.simulator.kernel;
