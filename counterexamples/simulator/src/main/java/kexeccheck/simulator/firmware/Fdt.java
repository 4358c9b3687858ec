package kexeccheck.simulator.firmware;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import kexeccheck.simulator.memory.Bytes;

/**
 * The flattened device tree format (Devicetree Specification v0.4, chapter 5):
 * a 40-byte big-endian header (magic 0xd00dfeed, version 17), the memory
 * reservation block, the structure block (FDT_BEGIN_NODE, FDT_PROP,
 * FDT_END_NODE, FDT_END tokens, 4-byte aligned) and the strings block. It
 * writes the simulator's blobs and reads any blob of version 16 or 17,
 * a real board's included.
 */
public final class Fdt {

    /** The header magic. */
    public static final int MAGIC = 0xd00dfeed;
    /** The header's size in bytes (version 17). */
    public static final int HEADER_SIZE = 40;
    static final int FDT_BEGIN_NODE = 1;
    static final int FDT_END_NODE = 2;
    static final int FDT_PROP = 3;
    static final int FDT_NOP = 4;
    static final int FDT_END = 9;

    private Fdt() {}

    /** The tree as DTB bytes, with no free space. */
    public static byte[] write(DtNode root) {
        return write(root, 0);
    }

    /**
     * The tree as DTB bytes, padded with free space to at least {@code padTo}
     * bytes ({@code totalsize} covers the padding, as {@code dtc -p} and
     * kexec-tools do, so the blob can be edited in place).
     */
    public static byte[] write(DtNode root, int padTo) {
        ByteArrayOutputStream struct = new ByteArrayOutputStream();
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        Map<String, Integer> offsets = new LinkedHashMap<>();
        writeNode(root, struct, strings, offsets);
        struct.writeBytes(DtNode.be32(FDT_END));
        byte[] s = struct.toByteArray();
        byte[] str = strings.toByteArray();
        int rsvmap = HEADER_SIZE;          // 8-byte aligned
        int rsvSize = 16;                  // one terminating {0, 0} entry
        int offStruct = rsvmap + rsvSize;
        int offStrings = offStruct + s.length;
        int total = Math.max(offStrings + str.length, padTo);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : new int[] {MAGIC, total, offStruct, offStrings, rsvmap, 17, 16, 0, str.length, s.length}) {
            out.writeBytes(DtNode.be32(v));
        }
        out.writeBytes(new byte[rsvSize]);
        out.writeBytes(s);
        out.writeBytes(str);
        out.writeBytes(new byte[total - out.size()]);
        return out.toByteArray();
    }

    private static void writeNode(DtNode node, ByteArrayOutputStream struct, ByteArrayOutputStream strings,
                                  Map<String, Integer> offsets) {
        struct.writeBytes(DtNode.be32(FDT_BEGIN_NODE));
        writePadded(struct, nulTerminated(node.name()));
        for (Map.Entry<String, byte[]> p : node.properties().entrySet()) {
            int nameOff = offsets.computeIfAbsent(p.getKey(), k -> {
                int off = strings.size();
                strings.writeBytes(nulTerminated(k));
                return off;
            });
            struct.writeBytes(DtNode.be32(FDT_PROP));
            struct.writeBytes(DtNode.be32(p.getValue().length));
            struct.writeBytes(DtNode.be32(nameOff));
            writePadded(struct, p.getValue());
        }
        for (DtNode c : node.children()) writeNode(c, struct, strings, offsets);
        struct.writeBytes(DtNode.be32(FDT_END_NODE));
    }

    private static byte[] nulTerminated(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(b, b.length + 1);
    }

    private static void writePadded(ByteArrayOutputStream out, byte[] b) {
        out.writeBytes(b);
        out.writeBytes(new byte[(4 - b.length % 4) % 4]);
    }

    /**
     * Parses DTB bytes, as the kernel's early FDT scan does, checking every offset and length
     * against the blob first: a truncated or corrupt blob (a real board's DTB, a dump of
     * {@code /sys/firmware/fdt}) is refused with what is wrong, never read past its end.
     *
     * @throws MalformedFdtException if the blob is not a valid FDT of version 16 or 17
     */
    public static DtNode read(byte[] dtb) {
        return new Reader(dtb).tree();
    }

    /**
     * The memory reservation block's entries ({@code /memreserve/} in a DTS), in order.
     *
     * @throws MalformedFdtException if the blob is not a valid FDT
     */
    public static java.util.List<kexeccheck.simulator.memory.AddressRange> reservations(byte[] dtb) {
        return new Reader(dtb).reservations();
    }

    /** One pass over a blob, its header checked once. */
    private static final class Reader {
        private final byte[] b;
        private final long total;
        private final long structStart;
        private final long structEnd;
        private final long stringsStart;
        private final long stringsEnd;
        private final long rsvmap;

        Reader(byte[] dtb) {
            b = dtb;
            if (b.length < 4 || (int) u32(0) != MAGIC) {
                throw new MalformedFdtException(b.length < 4 ? "not a flattened device tree (" + b.length + " bytes)"
                        : String.format("not a flattened device tree (magic 0x%08x, expected 0xd00dfeed)", u32(0)));
            }
            if (b.length < HEADER_SIZE - 4) {
                throw new MalformedFdtException("truncated: " + b.length + " bytes, shorter than an FDT header");
            }
            total = u32(4);
            long version = u32(20);
            long lastCompatible = u32(24);
            if (version < 16 || lastCompatible > 17) {
                throw new MalformedFdtException("unsupported version " + version + " (last compatible " + lastCompatible
                        + "); versions 16 and 17 are read");
            }
            int headerSize = version >= 17 ? HEADER_SIZE : HEADER_SIZE - 4;
            if (b.length < headerSize) {
                throw new MalformedFdtException("truncated: " + b.length + " bytes, shorter than a version " + version
                        + " header");
            }
            if (total < headerSize) {
                throw new MalformedFdtException("totalsize " + total + " is smaller than the header");
            }
            if (total > b.length) {
                throw new MalformedFdtException("truncated: totalsize is " + total + " bytes, the blob has " + b.length);
            }
            structStart = u32(8);
            stringsStart = u32(12);
            rsvmap = u32(16);
            stringsEnd = stringsStart + u32(32);
            structEnd = version >= 17 ? structStart + u32(36) : total;
            within("structure block", structStart, structEnd, headerSize);
            within("strings block", stringsStart, stringsEnd, headerSize);
            within("memory reservation block", rsvmap, rsvmap + 16, headerSize);
            if (structStart % 4 != 0) {
                throw new MalformedFdtException("structure block at offset " + structStart + " is not 4-byte aligned");
            }
            if (rsvmap % 8 != 0) {
                throw new MalformedFdtException("memory reservation block at offset " + rsvmap + " is not 8-byte aligned");
            }
        }

        private void within(String what, long from, long to, int headerSize) {
            if (from < headerSize || to < from || to > total) {
                throw new MalformedFdtException(what + " [" + from + ", " + to + ") is outside the blob (header "
                        + headerSize + " bytes, totalsize " + total + ")");
            }
        }

        private long u32(long at) {
            return Bytes.be(b, (int) at, 4);
        }

        java.util.List<kexeccheck.simulator.memory.AddressRange> reservations() {
            java.util.List<kexeccheck.simulator.memory.AddressRange> out = new java.util.ArrayList<>();
            for (long at = rsvmap; ; at += 16) {
                if (at + 16 > total) {
                    throw new MalformedFdtException("memory reservation block has no terminating entry before the end");
                }
                long address = Bytes.be(b, (int) at, 8);
                long size = Bytes.be(b, (int) at + 8, 8);
                if (address == 0 && size == 0) {
                    return out;
                }
                if (size == 0) {
                    continue; // reserves nothing; only {0, 0} ends the block
                }
                if (address < 0 || size < 0 || address + size < 0) {
                    throw new MalformedFdtException(String.format("memory reservation at offset %d, 0x%x+0x%x,"
                            + " is past the 63-bit physical address space", at, address, size));
                }
                out.add(new kexeccheck.simulator.memory.AddressRange(address, size));
            }
        }

        DtNode tree() {
            long pos = structStart;
            DtNode root = null;
            java.util.Deque<DtNode> stack = new java.util.ArrayDeque<>();
            while (true) {
                long token = token(pos);
                long at = pos;
                pos += 4;
                if (token == FDT_BEGIN_NODE) {
                    if (root != null && stack.isEmpty()) {
                        throw new MalformedFdtException("a second root node at offset " + at);
                    }
                    String name = string(pos, structEnd, "node name");
                    pos += align4(name.length() + 1);
                    DtNode n = new DtNode(name);
                    if (stack.isEmpty()) root = n; else stack.peek().child(n);
                    stack.push(n);
                } else if (token == FDT_PROP) {
                    if (stack.isEmpty()) {
                        throw new MalformedFdtException("a property outside any node at offset " + at);
                    }
                    long len = token(pos);
                    long nameOff = token(pos + 4);
                    long value = pos + 8;
                    if (value + len > structEnd) {
                        throw new MalformedFdtException("property at offset " + at + " is " + len
                                + " bytes long, past the structure block");
                    }
                    if (stringsStart + nameOff >= stringsEnd) {
                        throw new MalformedFdtException("property at offset " + at + " names string " + nameOff
                                + ", past the strings block");
                    }
                    String name = string(stringsStart + nameOff, stringsEnd, "property name");
                    stack.peek().property(name, java.util.Arrays.copyOfRange(b, (int) value, (int) (value + len)));
                    pos = value + align4((int) len);
                } else if (token == FDT_END_NODE) {
                    if (stack.isEmpty()) {
                        throw new MalformedFdtException("an end of node without a node at offset " + at);
                    }
                    stack.pop();
                } else if (token == FDT_END) {
                    if (root == null || !stack.isEmpty()) {
                        throw new MalformedFdtException("the structure block ends at offset " + at
                                + (root == null ? " before the root node" : " inside node '" + stack.peek().name() + "'"));
                    }
                    return root;
                } else if (token != FDT_NOP) {
                    throw new MalformedFdtException("bad token " + token + " at offset " + at);
                }
            }
        }

        private long token(long at) {
            if (at + 4 > structEnd) {
                throw new MalformedFdtException("the structure block ends at offset " + structEnd + " without FDT_END");
            }
            return u32(at);
        }

        private String string(long at, long end, String what) {
            long stop = at;
            while (stop < end && b[(int) stop] != 0) stop++;
            if (stop >= end) {
                throw new MalformedFdtException(what + " at offset " + at + " is not NUL-terminated inside its block");
            }
            return new String(b, (int) at, (int) (stop - at), StandardCharsets.US_ASCII);
        }
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }

}
