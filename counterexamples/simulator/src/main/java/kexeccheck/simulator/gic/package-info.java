/** The GICv3 redistributors and ITS, register by register, with the LPI tables in RAM. */
package kexeccheck.simulator.gic;
