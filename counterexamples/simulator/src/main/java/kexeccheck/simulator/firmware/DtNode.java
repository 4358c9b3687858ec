package kexeccheck.simulator.firmware;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kexeccheck.simulator.memory.AddressRange;
import kexeccheck.simulator.memory.Bytes;

/**
 * A device-tree node: a name (with unit address), properties as raw
 * big-endian bytes in insertion order, and children. Cells are 32-bit big
 * endian; the board uses {@code #address-cells = <2>} and {@code #size-cells = <2>}.
 */
public final class DtNode {

    private final String name;
    private final Map<String, byte[]> properties = new LinkedHashMap<>();
    private final List<DtNode> children = new ArrayList<>();

    /** @param name the node name, e.g. {@code memory@40000000}; empty for the root */
    public DtNode(String name) {
        this.name = name;
    }

    /** The node name. */
    public String name() {
        return name;
    }

    /** Sets a property to raw bytes. */
    public DtNode property(String key, byte[] value) {
        properties.put(key, value.clone());
        return this;
    }

    /** Sets an empty (boolean) property such as {@code no-map}. */
    public DtNode flag(String key) {
        return property(key, new byte[0]);
    }

    /** Sets a NUL-terminated string property. */
    public DtNode string(String key, String value) {
        byte[] s = value.getBytes(StandardCharsets.US_ASCII);
        return property(key, Arrays.copyOf(s, s.length + 1));
    }

    /** Sets a property of 32-bit cells. */
    public DtNode cells(String key, long... cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long c : cells) out.writeBytes(be32((int) c));
        return property(key, out.toByteArray());
    }

    /** Sets a {@code reg}-style property of (address, size) pairs with two cells each. */
    public DtNode ranges(String key, List<AddressRange> ranges) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AddressRange r : ranges) {
            out.writeBytes(be64(r.base()));
            out.writeBytes(be64(r.size()));
        }
        return property(key, out.toByteArray());
    }

    /** Removes a property. */
    public DtNode remove(String key) {
        properties.remove(key);
        return this;
    }

    /** Adds a child and returns it. */
    public DtNode child(DtNode node) {
        children.add(node);
        return node;
    }

    /** Removes the direct child of that name; whether there was one. */
    public boolean removeChild(String childName) {
        return children.removeIf(c -> c.name.equals(childName));
    }

    /** The properties in order. */
    public Map<String, byte[]> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    /** The children in order. */
    public List<DtNode> children() {
        return List.copyOf(children);
    }

    /** A property's bytes. */
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(properties.get(key)).map(byte[]::clone);
    }

    /** Whether the property is present. */
    public boolean has(String key) {
        return properties.containsKey(key);
    }

    /** A property read as (address, size) pairs of two cells each. */
    public List<AddressRange> rangesOf(String key) {
        return rangesOf(key, 2, 2);
    }

    /**
     * A property read as (address, size) pairs of the given cell counts (the parent's
     * {@code #address-cells} and {@code #size-cells}); a size of 0, or cell counts the kernel would not
     * reserve memory by, give no range.
     */
    public List<AddressRange> rangesOf(String key, int addressCells, int sizeCells) {
        byte[] v = properties.get(key);
        List<AddressRange> out = new ArrayList<>();
        if (v == null || addressCells < 1 || addressCells > 2 || sizeCells < 1 || sizeCells > 2) return out;
        int entry = 4 * (addressCells + sizeCells);
        for (int i = 0; i + entry <= v.length; i += entry) {
            long base = Bytes.be(v, i, 4 * addressCells);
            long size = Bytes.be(v, i + 4 * addressCells, 4 * sizeCells);
            if (size > 0 && base >= 0) out.add(new AddressRange(base, size));
        }
        return out;
    }

    /** A string-list property ({@code compatible}): its NUL-separated strings, empty ones left out. */
    public List<String> stringsOf(String key) {
        byte[] v = properties.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        int start = 0;
        for (int i = 0; i <= v.length; i++) {
            if (i == v.length || v[i] == 0) {
                if (i > start) out.add(new String(v, start, i - start, StandardCharsets.US_ASCII));
                start = i + 1;
            }
        }
        return out;
    }

    /** A property's first cell. */
    public Optional<Long> cell(String key) {
        byte[] v = properties.get(key);
        return v == null || v.length < 4 ? Optional.empty() : Optional.of(Bytes.be(v, 0, 4));
    }

    /** A string property without its NUL. */
    public Optional<String> stringOf(String key) {
        byte[] v = properties.get(key);
        if (v == null) return Optional.empty();
        int n = v.length > 0 && v[v.length - 1] == 0 ? v.length - 1 : v.length;
        return Optional.of(new String(v, 0, n, StandardCharsets.US_ASCII));
    }

    /** The child at a slash-separated path, matching names with or without unit address. */
    public Optional<DtNode> find(String path) {
        DtNode at = this;
        for (String part : path.split("/")) {
            if (part.isEmpty()) continue;
            DtNode next = null;
            for (DtNode c : at.children) {
                if (c.name.equals(part) || c.name.startsWith(part + "@")) {
                    next = c;
                    break;
                }
            }
            if (next == null) return Optional.empty();
            at = next;
        }
        return Optional.of(at);
    }

    /** The node whose {@code phandle} is {@code handle}, anywhere below. */
    public Optional<DtNode> byPhandle(long handle) {
        if (cell("phandle").filter(h -> h == handle).isPresent()) return Optional.of(this);
        for (DtNode c : children) {
            Optional<DtNode> f = c.byPhandle(handle);
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    /** A deep copy. */
    public DtNode copy() {
        DtNode n = new DtNode(name);
        properties.forEach(n::property);
        children.forEach(c -> n.child(c.copy()));
        return n;
    }

    static byte[] be32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static byte[] be64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return b;
    }
}
