/** The stray-write detector and what one step of the simulator did. */
package kexeccheck.simulator.detect;
