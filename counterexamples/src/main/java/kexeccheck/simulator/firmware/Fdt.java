package kexeccheck.simulator.firmware;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import kexeccheck.simulator.memory.Bytes;

/**
 * The flattened device tree format (Devicetree Specification v0.4, chapter 5):
 * a 40-byte big-endian header (magic 0xd00dfeed, version 17), an empty
 * memory reservation block, the structure block (FDT_BEGIN_NODE, FDT_PROP,
 * FDT_END_NODE, FDT_END tokens, 4-byte aligned) and the strings block.
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
     * Parses DTB bytes, as the kernel's early FDT scan does.
     *
     * @throws IllegalArgumentException if the blob is not a valid FDT
     */
    public static DtNode read(byte[] dtb) {
        if (dtb.length < HEADER_SIZE || (int) Bytes.be(dtb, 0, 4) != MAGIC) {
            throw new IllegalArgumentException("not a flattened device tree (bad magic)");
        }
        int total = (int) Bytes.be(dtb, 4, 4);
        int offStruct = (int) Bytes.be(dtb, 8, 4);
        int offStrings = (int) Bytes.be(dtb, 12, 4);
        if (total > dtb.length) throw new IllegalArgumentException("truncated FDT");
        int[] pos = {offStruct};
        DtNode root = null;
        java.util.Deque<DtNode> stack = new java.util.ArrayDeque<>();
        while (true) {
            int token = (int) Bytes.be(dtb, pos[0], 4);
            pos[0] += 4;
            switch (token) {
                case FDT_BEGIN_NODE -> {
                    String name = cString(dtb, pos[0]);
                    pos[0] += align4(name.length() + 1);
                    DtNode n = new DtNode(name);
                    if (stack.isEmpty()) root = n; else stack.peek().child(n);
                    stack.push(n);
                }
                case FDT_PROP -> {
                    int len = (int) Bytes.be(dtb, pos[0], 4);
                    int nameOff = (int) Bytes.be(dtb, pos[0] + 4, 4);
                    byte[] value = java.util.Arrays.copyOfRange(dtb, pos[0] + 8, pos[0] + 8 + len);
                    stack.peek().property(cString(dtb, offStrings + nameOff), value);
                    pos[0] += 8 + align4(len);
                }
                case FDT_END_NODE -> stack.pop();
                case FDT_NOP -> { }
                case FDT_END -> {
                    if (root == null || !stack.isEmpty()) throw new IllegalArgumentException("unbalanced FDT");
                    return root;
                }
                default -> throw new IllegalArgumentException("bad FDT token " + token + " at " + (pos[0] - 4));
            }
        }
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }

    private static String cString(byte[] b, int at) {
        int end = at;
        while (b[end] != 0) end++;
        return new String(b, at, end - at, StandardCharsets.US_ASCII);
    }
}
