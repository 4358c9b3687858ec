/** The kexec loader: placement over /proc/iomem, the DTB it passes, normal and crash kexec. */
package kexeccheck.simulator.loader;
