/** The GICv3 ITS driver's boot-time code paths, one class per capability, each after the Linux function it reproduces. */
package kexeccheck.simulator.kernel.gic;
