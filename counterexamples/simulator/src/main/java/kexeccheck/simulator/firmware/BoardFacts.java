package kexeccheck.simulator.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kexeccheck.simulator.memory.AddressRange;

/**
 * What a board's flattened device tree fixes about the kexec hand-over, each fact with the node it
 * comes from: the interrupt controller (a GICv3, with or without an ITS, or a GICv2), the CPUs,
 * the {@code /reserved-memory} children and {@code /memreserve/} entries, whether an EFI stub
 * booted the kernel and whether it is a kdump kernel's tree.
 *
 * <p>Read as the kernel reads it: the GIC by the compatibles its drivers match
 * ({@code IRQCHIP_DECLARE} in drivers/irqchip/irq-gic-v3.c and irq-gic.c), addresses and sizes by
 * the parent's {@code #address-cells} and {@code #size-cells} (drivers/of/fdt.c), the stub's
 * {@code /chosen} properties as drivers/firmware/efi/fdtparams.c reads them, kdump's as
 * arch/arm64/mm/init.c and drivers/of/fdt.c do.
 *
 * @param model the root's {@code model}, or its first {@code compatible}, or "" when neither is there
 * @param compatible the root's first {@code compatible}, or ""
 * @param gic the interrupt controller the kernel would drive
 * @param cpus how many {@code /cpus/cpu@…} nodes (with {@code device_type = "cpu"}) there are
 * @param reserved the {@code /reserved-memory} children
 * @param memreserve the {@code /memreserve/} entries of the blob's reservation block
 * @param efi the {@code /chosen} property that says an EFI stub booted the kernel, if any
 * @param kdump the {@code /chosen} property that says this is a kdump kernel's tree, if any
 * @param bootedBy the {@code /chosen} property that says a bootloader or stub handed this tree to a
 *     booting kernel (a running system's tree, not a kernel package's), if any
 * @param sizeBytes the blob's size
 */
public record BoardFacts(String model, String compatible, Gic gic, int cpus, List<ReservedRegion> reserved,
        List<AddressRange> memreserve, Optional<String> efi, Optional<String> kdump, Optional<String> bootedBy,
        int sizeBytes) {

    /**
     * What only a bootloader, the EFI stub or kexec writes into /chosen, just before a kernel boots
     * ({@code bootargs} is not among them: many boards' sources set it). A running system's tree
     * without any of them is read as a package's, which leaves the firmware open: more explored,
     * never less.
     */
    private static final List<String> BOOT_TIME = List.of("linux,uefi-system-table", "linux,elfcorehdr",
            "linux,usable-memory-range", "linux,initrd-start", "kaslr-seed", "rng-seed");

    /** GICv3 compatibles Linux's irq-gic-v3 driver matches. */
    private static final Set<String> GIC_V3 = Set.of("arm,gic-v3", "qcom,msm8996-gic-v3");
    /** GICv2 (and earlier) compatibles Linux's irq-gic driver matches. */
    private static final Set<String> GIC_V2 = Set.of("arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic",
            "arm,cortex-a7-gic", "arm,arm11mp-gic", "arm,arm1176jzf-devchip-gic", "arm,eb11mp-gic", "arm,pl390",
            "arm,tc11mp-gic", "nvidia,tegra210-agic", "qcom,msm-8660-qgic", "qcom,msm-qgic2");
    private static final String ITS = "arm,gic-v3-its";

    public BoardFacts {
        reserved = List.copyOf(reserved);
        memreserve = List.copyOf(memreserve);
    }

    /** Which interrupt controller, found where. */
    public enum GicKind {
        /** A GICv3 (or v4: the tree does not tell them apart; GICD_TYPER does): LPIs, if it has an ITS. */
        V3,
        /** A GICv2 or older: no LPIs, so no hand-over question. */
        V2,
        /** No interrupt controller the arm64 GIC drivers match. */
        NONE
    }

    /**
     * The interrupt controller.
     *
     * @param kind its kind
     * @param node its path, or "" when there is none
     * @param compatible the compatible that decided the kind, or ""
     * @param its the path of its {@code arm,gic-v3-its} child, if any (LPIs need one)
     * @param memoryRegion the {@code /reserved-memory} child its {@code memory-region} names (the 2019
     *     proposal's hand-over), if any
     */
    public record Gic(GicKind kind, String node, String compatible, Optional<String> its,
            Optional<String> memoryRegion) {}

    /**
     * One {@code /reserved-memory} child.
     *
     * @param node its path
     * @param ranges its {@code reg} (none for a dynamically placed region with only {@code size})
     * @param noMap whether it has {@code no-map}: outside the linear map
     * @param reusable whether it has {@code reusable}: CMA, given back to the page allocator
     * @param compatible its first {@code compatible}, or ""
     */
    public record ReservedRegion(String node, List<AddressRange> ranges, boolean noMap, boolean reusable,
            String compatible) {
        public ReservedRegion {
            ranges = List.copyOf(ranges);
        }

        /** Whether it holds LPI tables: U-Boot names the region it pre-programs {@code gic-lpi}. */
        public boolean lpiTables() {
            String name = node.substring(node.lastIndexOf('/') + 1);
            return name.equals("gic-lpi") || name.startsWith("gic-lpi@");
        }
    }

    /**
     * Reads a blob.
     *
     * @throws MalformedFdtException if it is not a valid FDT of version 16 or 17
     */
    public static BoardFacts read(byte[] dtb) {
        DtNode root = Fdt.read(dtb);
        List<AddressRange> memreserve = Fdt.reservations(dtb);
        String compatible = root.stringsOf("compatible").stream().findFirst().orElse("");
        String model = root.stringOf("model").orElse(compatible);
        Optional<DtNode> chosen = root.find("chosen");
        Optional<String> efi = chosen.flatMap(c -> c.has("linux,uefi-system-table")
                ? Optional.of("/chosen/linux,uefi-system-table") : Optional.empty());
        Optional<String> kdump = chosen.flatMap(c -> c.has("linux,elfcorehdr") ? Optional.of("/chosen/linux,elfcorehdr")
                : c.has("linux,usable-memory-range") ? Optional.of("/chosen/linux,usable-memory-range") : Optional.empty());
        Optional<String> booted = chosen.flatMap(c -> BOOT_TIME.stream().filter(c::has).findFirst())
                .map(p -> "/chosen/" + p);
        List<ReservedRegion> reserved = reservedRegions(root);
        return new BoardFacts(model, compatible, gic(root, reserved), cpus(root), reserved, memreserve, efi, kdump,
                booted, dtb.length);
    }

    /** Whether this is a running system's tree (a dump of /sys/firmware/fdt), not a kernel package's. */
    public boolean booted() {
        return bootedBy.isPresent();
    }

    /** The LPI tables a bootloader left programmed, if the tree shows a region for them. */
    public Optional<ReservedRegion> lpiRegion() {
        return reserved.stream().filter(ReservedRegion::lpiTables).findFirst();
    }

    private static Gic gic(DtNode root, List<ReservedRegion> reserved) {
        List<Found> found = new ArrayList<>();
        walk(root, "", (path, node) -> {
            if (!node.has("interrupt-controller")) {
                return;
            }
            for (String c : node.stringsOf("compatible")) {
                if (GIC_V3.contains(c) || GIC_V2.contains(c)) {
                    found.add(new Found(path, node, c));
                    return;
                }
            }
        });
        // a GICv3 wins over a GICv2 found elsewhere (a v2m frame, a secondary controller)
        Optional<Found> v3 = found.stream().filter(f -> GIC_V3.contains(f.compatible())).findFirst();
        Optional<Found> any = v3.isPresent() ? v3 : found.stream().findFirst();
        if (any.isEmpty()) {
            return new Gic(GicKind.NONE, "", "", Optional.empty(), Optional.empty());
        }
        Found f = any.get();
        Optional<String> its = Optional.empty();
        for (DtNode child : f.node().children()) {
            if (child.stringsOf("compatible").contains(ITS)) {
                its = Optional.of(f.path() + "/" + child.name());
                break;
            }
        }
        Optional<String> region = f.node().cell("memory-region").flatMap(root::byPhandle)
                .flatMap(target -> reserved.stream().filter(r -> r.node().endsWith("/" + target.name()))
                        .map(ReservedRegion::node).findFirst());
        return new Gic(GIC_V3.contains(f.compatible()) ? GicKind.V3 : GicKind.V2, f.path(), f.compatible(), its, region);
    }

    private record Found(String path, DtNode node, String compatible) {}

    private static int cpus(DtNode root) {
        return root.find("cpus").map(cpus -> (int) cpus.children().stream()
                .filter(c -> c.stringOf("device_type").filter("cpu"::equals).isPresent()).count()).orElse(0);
    }

    private static List<ReservedRegion> reservedRegions(DtNode root) {
        List<ReservedRegion> out = new ArrayList<>();
        Optional<DtNode> rm = root.find("reserved-memory");
        if (rm.isEmpty()) {
            return out;
        }
        int addressCells = rm.get().cell("#address-cells").map(Long::intValue).orElse(2);
        int sizeCells = rm.get().cell("#size-cells").map(Long::intValue).orElse(1);
        for (DtNode child : rm.get().children()) {
            out.add(new ReservedRegion("/reserved-memory/" + child.name(),
                    child.rangesOf("reg", addressCells, sizeCells), child.has("no-map"),
                    child.has("reusable"), child.stringsOf("compatible").stream().findFirst().orElse("")));
        }
        return out;
    }

    private static void walk(DtNode node, String path, java.util.function.BiConsumer<String, DtNode> visit) {
        for (DtNode child : node.children()) {
            String p = path + "/" + child.name();
            visit.accept(p, child);
            walk(child, p, visit);
        }
    }
}
