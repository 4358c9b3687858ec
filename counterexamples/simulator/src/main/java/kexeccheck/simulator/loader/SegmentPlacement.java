package kexeccheck.simulator.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import kexeccheck.simulator.detect.StepRecord;
import kexeccheck.simulator.memory.AddressRange;

/**
 * Where the next kernel's image, initrd and DTB go, in that order, by one rule: kexec-tools' over
 * /proc/iomem ({@link KexecToolsPlacement}) or the running kernel's over memblock
 * ({@link FileLoadPlacement}). What the two share lives here: a segment the caller wants somewhere
 * (a replayed trace's frame) is used as given, with a note when the rule would not put it there, so
 * that a replay is judged by the rule of the syscall that really loaded the kernel; a segment the
 * rule chooses itself also stays out of the caller's {@code avoid} ranges and off the segments
 * already placed (kimage_is_destination_range() in the kernel, locate_hole()'s segment list in
 * kexec-tools).
 */
abstract class SegmentPlacement {

    /** What a refusal note says after the rule's name: the notes the explorer drops runs for. */
    static final String WOULD_NOT_PLACE = " would not place the ";

    private final Predicate<AddressRange> avoid;
    private final List<AddressRange> taken = new ArrayList<>();

    SegmentPlacement(Predicate<AddressRange> avoid) {
        this.avoid = avoid;
    }

    /** The image. */
    abstract AddressRange image(Long wanted, StepRecord record);

    /** The initrd, after the image. */
    abstract AddressRange initrd(Long wanted, StepRecord record);

    /** The DTB, after the initrd. */
    abstract AddressRange dtb(Long wanted, StepRecord record);

    /** Who applies the rule, as a note names it ({@code kexec-tools}, {@code kexec_file_load}). */
    abstract String rule();

    /** Why the rule would not put a segment at {@code r}, or null when it would. */
    abstract String refusal(AddressRange r);

    /** A wanted segment: used as given, with a note when the rule would refuse it. */
    final AddressRange wanted(String what, long at, StepRecord record) {
        AddressRange r = new AddressRange(at, Segments.SIZE);
        String why = clash(r);
        if (why == null) why = refusal(r);
        if (why != null) record.notes.add(rule() + WOULD_NOT_PLACE + what + " at " + r + ": " + why);
        taken.add(r);
        return r;
    }

    /** Whether the rule may choose {@code r} itself: it would place a segment there and the caller does not avoid it. */
    final boolean available(AddressRange r) {
        return clash(r) == null && refusal(r) == null && !avoid.test(r);
    }

    /** Records a segment the rule chose. */
    final AddressRange take(AddressRange r) {
        taken.add(r);
        return r;
    }

    private String clash(AddressRange r) {
        return taken.stream().anyMatch(t -> t.overlaps(r)) ? "another segment is there" : null;
    }

    /** _ALIGN_UP / ALIGN. */
    static long alignUp(long pa, long align) {
        return (pa + align - 1) / align * align;
    }

    /** ALIGN_DOWN. */
    static long alignDown(long pa, long align) {
        return pa / align * align;
    }
}
