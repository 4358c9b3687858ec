package kexeccheck.simulator.firmware;

import java.util.List;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Board;

/**
 * The device tree the firmware passes: /memory, /reserved-memory with the
 * LPI region child ({@code gic-lpi}, with or without {@code no-map}), the
 * {@code arm,gic-v3} node with its ITS and, pointing at the LPI region, the
 * seed's {@code memory-region} property, and /chosen.
 */
public final class BoardDeviceTree {

    /** The LPI region node's phandle. */
    public static final int LPI_PHANDLE = 1;
    /** The LPI region's node name. */
    public static final String LPI_NODE = "gic-lpi";

    private BoardDeviceTree() {}

    /**
     * @param board the board
     * @param lpiNoMap whether the LPI region child has {@code no-map}
     * @param bootargs the kernel command line
     * @return the root node
     */
    public static DtNode build(Board board, boolean lpiNoMap, String bootargs) {
        DtNode root = new DtNode("");
        root.cells("#address-cells", 2).cells("#size-cells", 2)
                .string("compatible", "linux,dummy-virt").string("model", "kexec-check simulated board");
        for (AddressRange r : board.ram()) {
            root.child(new DtNode("memory@" + Long.toHexString(r.base())))
                    .string("device_type", "memory").ranges("reg", List.of(r));
        }
        if (board.lpiRegion() != null) {
            DtNode rm = root.child(new DtNode("reserved-memory"));
            rm.cells("#address-cells", 2).cells("#size-cells", 2).flag("ranges");
            DtNode lpi = rm.child(new DtNode(LPI_NODE + "@" + Long.toHexString(board.lpiRegion().base())));
            lpi.ranges("reg", List.of(board.lpiRegion()));
            if (lpiNoMap) lpi.flag("no-map");
            lpi.cells("phandle", LPI_PHANDLE);
        }
        DtNode gic = root.child(new DtNode("intc@" + Long.toHexString(Board.GICD_BASE)));
        gic.string("compatible", "arm,gic-v3").cells("#interrupt-cells", 3).flag("interrupt-controller")
                .cells("#address-cells", 2).cells("#size-cells", 2).flag("ranges")
                .ranges("reg", List.of(new AddressRange(Board.GICD_BASE, 0x10000),
                        new AddressRange(board.redistributors().get(0), 0x20000L * board.cpus())));
        if (board.lpiRegion() != null) gic.cells("memory-region", LPI_PHANDLE);
        gic.child(new DtNode("its@" + Long.toHexString(board.its())))
                .string("compatible", "arm,gic-v3-its").flag("msi-controller").cells("#msi-cells", 1)
                .ranges("reg", List.of(new AddressRange(board.its(), 0x20000)));
        root.child(new DtNode("chosen")).string("bootargs", bootargs);
        return root;
    }

    /** A user-supplied DTB: the board's, without the LPI reserved-memory child or a {@code memory-region} pointing at it. */
    public static DtNode withoutLpiNode(DtNode tree) {
        DtNode copy = tree.copy();
        copy.find("reserved-memory").ifPresent(rm -> rm.children().stream()
                .filter(c -> c.name().startsWith(LPI_NODE)).map(DtNode::name).toList().forEach(rm::removeChild));
        copy.children().stream().filter(n -> n.stringOf("compatible").filter("arm,gic-v3"::equals).isPresent())
                .forEach(n -> n.remove("memory-region"));
        return copy;
    }

    /** Sets a 64-bit /chosen property. */
    public static void chosen64(DtNode tree, String key, long value) {
        DtNode chosen = tree.find("chosen").orElseGet(() -> tree.child(new DtNode("chosen")));
        chosen.property(key, DtNode.be64(value));
    }
}
