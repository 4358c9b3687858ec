package kexeccheck.simulator.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A 64 KiB stand-in for an arm64 Image: its 64-byte header with the "ARM\x64" magic at offset 0x38. */
final class ToyImage {

    private ToyImage() {}

    static byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(Segments.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x14000010);          // code0: b #0x40 (branch past the header)
        b.putLong(8, 0);                  // text_offset
        b.putLong(16, Segments.SIZE);     // image_size
        b.putLong(24, 0xa);               // flags: little endian, 4K pages
        b.putInt(0x38, 0x644d5241);       // magic "ARM\x64"
        return b.array();
    }
}
