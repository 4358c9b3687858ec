package kexeccheck.simulator.loader;

/**
 * Where a kernel's segments go: a physical address each, or null for "let
 * the loader (or firmware) choose", which it does outside {@code avoid}.
 *
 * @param image the image's PA or null
 * @param initrd the initrd's PA or null
 * @param dtb the DTB's PA or null
 */
public record Segments(Long image, Long initrd, Long dtb) {

    /** Every segment chosen by the loader. */
    public static final Segments ANYWHERE = new Segments(null, null, null);

    /** Each segment's size: a 64 KiB toy image, initrd and (padded) DTB. */
    public static final int SIZE = 64 * 1024;
}
