/**
 * The concrete table simulator: a second, independent account of the GICv3
 * kexec world at the level of bytes and registers (design.md, step 3).
 *
 * <p>{@link kexeccheck.simulator.Machine} ties together simulated RAM
 * ({@code memory}), the GIC ({@code gic}), firmware ({@code firmware}), the
 * kexec loader ({@code loader}) and kernels built from capabilities
 * ({@code kernel}); {@code detect} watches every write against the running
 * kernel's owner tags; {@code replay} re-runs an abstract counterexample on
 * it. Nothing here uses Alloy or the checker: it is written from domain.md
 * and from what Linux, U-Boot, kexec-tools and QEMU do.
 */
package kexeccheck.simulator;
