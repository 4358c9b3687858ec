/** Firmware: the EFI configuration table and memreserve list as bytes, flattened device trees, U-Boot's LPI table set-up. */
package kexeccheck.simulator.firmware;
