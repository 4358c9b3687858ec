package kexeccheck.simulator.kernel;

import kexeccheck.simulator.memory.AddressRange;

/**
 * What a kernel is given at entry (arm64 booting protocol: x0 = the DTB's PA;
 * the image is where it was loaded; the initrd is named in /chosen).
 *
 * @param name the kernel's name in the chain ({@code K1}, …)
 * @param capabilities what it can do
 * @param image where its image is
 * @param dtb the DTB's PA (x0)
 * @param kdump whether it was entered by a crash kexec (is_kdump_kernel())
 * @param propertyByte the byte it resets property tables to (0xa2 for 6.1, 0xc2 for 6.12)
 * @param pages64k whether it was built with 64 KiB pages (CONFIG_ARM64_64K_PAGES)
 */
public record BootParams(String name, Capabilities capabilities, AddressRange image, long dtb,
                         boolean kdump, int propertyByte, boolean pages64k) {}
