package kexeccheck.simulator.memory;

/** Little- and big-endian encodings of integers (arm64 RAM is little endian, the FDT big endian). */
public final class Bytes {

    private Bytes() {}

    /** {@code n} bytes at {@code offset} as a little-endian unsigned value. */
    public static long le(byte[] b, int offset, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[offset + i] & 0xff);
        return v;
    }

    /** A 64-bit value as 8 little-endian bytes. */
    public static byte[] le64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }

    /** A 32-bit value as 4 little-endian bytes. */
    public static byte[] le32(int v) {
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }

    /** {@code n} bytes at {@code offset} as a big-endian unsigned value. */
    public static long be(byte[] b, int offset, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) v = (v << 8) | (b[offset + i] & 0xff);
        return v;
    }
}
