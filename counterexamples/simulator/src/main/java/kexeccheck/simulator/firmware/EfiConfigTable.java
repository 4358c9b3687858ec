package kexeccheck.simulator.firmware;

import java.util.OptionalLong;
import java.util.UUID;
import kexeccheck.simulator.memory.PhysicalMemory;
import kexeccheck.simulator.memory.Writer;

/**
 * The EFI system table's configuration tables, reduced to what survives
 * kexec and matters here: an array of {@code efi_config_table_64_t}
 * ({@code efi_guid_t guid; u64 table;}, 24 bytes each) after a 64-bit count.
 * A kexec'd kernel is handed the same system table (its address is in
 * /chosen {@code linux,uefi-system-table}), so entries persist along a chain.
 */
public final class EfiConfigTable {

    /** LINUX_EFI_MEMRESERVE_TABLE_GUID. */
    public static final UUID MEMRESERVE_GUID = UUID.fromString("888eb0c6-8ede-4ff5-a8f0-9aee5cb977c2");

    private static final int ENTRY = 24;

    private final PhysicalMemory memory;
    private final long pa;

    /** The table at {@code pa}. */
    public EfiConfigTable(PhysicalMemory memory, long pa) {
        this.memory = memory;
        this.pa = pa;
    }

    /** Its physical address. */
    public long pa() {
        return pa;
    }

    /** Adds an entry (the stub's install_configuration_table). */
    public void install(UUID guid, long table, Writer writer) {
        long count = memory.read64(pa);
        memory.write(pa + 8 + count * ENTRY, guidBytes(guid), writer);
        memory.write64(pa + 8 + count * ENTRY + 16, table, writer);
        memory.write64(pa, count + 1, writer);
    }

    /** The table for {@code guid}, if installed (efi_config_parse_tables). */
    public OptionalLong find(UUID guid) {
        long count = memory.read64(pa);
        byte[] want = guidBytes(guid);
        for (long i = 0; i < count; i++) {
            if (java.util.Arrays.equals(memory.read(pa + 8 + i * ENTRY, 16), want)) {
                return OptionalLong.of(memory.read64(pa + 8 + i * ENTRY + 16));
            }
        }
        return OptionalLong.empty();
    }

    /** efi_guid_t's byte order: the first three fields little endian, the rest as written. */
    static byte[] guidBytes(UUID guid) {
        long hi = guid.getMostSignificantBits();
        long lo = guid.getLeastSignificantBits();
        byte[] b = new byte[16];
        int d1 = (int) (hi >>> 32);
        int d2 = (int) (hi >>> 16) & 0xffff;
        int d3 = (int) hi & 0xffff;
        for (int i = 0; i < 4; i++) b[i] = (byte) (d1 >>> (8 * i));
        b[4] = (byte) d2;
        b[5] = (byte) (d2 >>> 8);
        b[6] = (byte) d3;
        b[7] = (byte) (d3 >>> 8);
        for (int i = 0; i < 8; i++) b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        return b;
    }
}
