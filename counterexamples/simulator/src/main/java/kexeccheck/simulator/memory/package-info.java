/** Physical memory: sparse byte-addressed RAM behind one address-space API, and the board. */
package kexeccheck.simulator.memory;
