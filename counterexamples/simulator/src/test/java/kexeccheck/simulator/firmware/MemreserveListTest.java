package kexeccheck.simulator.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.PhysicalMemory;
import kexeccheck.simulator.memory.Writer;
import org.junit.jupiter.api.Test;

/** struct linux_efi_memreserve in RAM, pinned byte for byte (little endian, include/linux/efi.h). */
class MemreserveListTest {

    private static final Writer W = new Writer.Other("test");
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void headerAndEntryBytes() {
        // int size = 255, atomic_t count = 1, phys_addr_t next = 0x48010000
        assertEquals("ff000000" + "01000000" + "0000014800000000", HEX.formatHex(MemreserveList.header(255, 1, 0x4801_0000L)));
        // phys_addr_t base = 0x48020000, size = 0x10000
        assertEquals("0000024800000000" + "0000010000000000", HEX.formatHex(MemreserveList.entry(0x4802_0000L, 0x1_0000L)));
        assertEquals(255, MemreserveList.NODE_CAPACITY);
    }

    @Test
    void firstReservationAllocatesANodeLinkedAfterTheRoot() {
        PhysicalMemory ram = new PhysicalMemory();
        MemreserveList list = MemreserveList.install(ram, 0x3f00_1000L, W);
        assertArrayEquals(new byte[16], ram.read(0x3f00_1000L, 16));
        long node = list.reservePersistent(0x4800_0000L, 0x1_0000L, () -> 0x4000_0000L, W);
        assertEquals(0x4000_0000L, node);
        assertEquals("000000000000000000000040" + "00000000", HEX.formatHex(ram.read(0x3f00_1000L, 16)));
        assertEquals("ff000000" + "01000000" + "0000000000000000" + "0000004800000000" + "0000010000000000",
                HEX.formatHex(ram.read(0x4000_0000L, 32)));
        assertEquals(-1, list.reservePersistent(0x4802_0000L, 0x1_0000L, () -> { throw new AssertionError(); }, W));
        assertEquals(2, ram.read32(0x4000_0004L));
        assertEquals(List.of(new AddressRange(0x4800_0000L, 0x1_0000L), new AddressRange(0x4802_0000L, 0x1_0000L)),
                list.reservations());
        assertEquals(List.of(), list.problems());
    }

    @Test
    void aFullNodeGetsANewNodeAtTheHead() {
        PhysicalMemory ram = new PhysicalMemory();
        MemreserveList list = MemreserveList.install(ram, 0x3f00_1000L, W);
        AtomicLong pages = new AtomicLong(0x4000_0000L);
        for (int i = 0; i < 256; i++) {
            list.reservePersistent(0x5000_0000L + i * 0x1_0000L, 0x1_0000L, () -> pages.getAndAdd(4096), W);
        }
        List<MemreserveList.Node> nodes = list.walk();
        assertEquals(3, nodes.size());
        assertEquals(0x4000_1000L, nodes.get(1).pa()); // the newest node is first after the root
        assertEquals(1, nodes.get(1).count());
        assertEquals(0x4000_0000L, nodes.get(1).next());
        assertEquals(255, nodes.get(2).count());
        assertEquals(256, list.reservations().size());
        assertEquals(List.of(), list.problems());
    }

    @Test
    void memreserveGuidInEfiByteOrder() {
        assertEquals("c6b08e88de8ef54fa8f09aee5cb977c2", HEX.formatHex(EfiConfigTable.guidBytes(EfiConfigTable.MEMRESERVE_GUID)));
        PhysicalMemory ram = new PhysicalMemory();
        EfiConfigTable t = new EfiConfigTable(ram, 0x3f00_0000L);
        t.install(EfiConfigTable.MEMRESERVE_GUID, 0x3f00_1000L, W);
        assertEquals(0x3f00_1000L, t.find(EfiConfigTable.MEMRESERVE_GUID).getAsLong());
    }
}
