/** Replaying an abstract trace on the simulator: frame mapping, state comparison, verdict. */
package kexeccheck.simulator.replay;
