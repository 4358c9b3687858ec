package kexeccheck.simulator.detect;

import java.util.function.Supplier;
import kexeccheck.simulator.kernel.MemoryView;
import kexeccheck.simulator.kernel.Use;
import kexeccheck.simulator.memory.MemoryObserver;
import kexeccheck.simulator.memory.Writer;

/**
 * Sees every write to RAM and judges the two kinds that matter against the
 * running kernel's owner tags:
 * <ul>
 * <li>a pending bit set by the GIC must land in that CPU's pending table, or
 *     in memory the kernel set aside for nothing else (fw-reserved,
 *     memreserve, outside its RAM);</li>
 * <li>a table reset or zeroed by the kernel must land in memory that was
 *     free before the allocator gave it out, set aside for nothing else, or
 *     the table itself.</li>
 * </ul>
 * Anything else is an {@link Incident}: the write corrupts something.
 */
public final class StrayWriteDetector implements MemoryObserver {

    private final Supplier<MemoryView> view;
    private final Supplier<StepRecord> step;

    /**
     * @param view the running kernel's owner tags (null while no kernel runs)
     * @param step the step being recorded
     */
    public StrayWriteDetector(Supplier<MemoryView> view, Supplier<StepRecord> step) {
        this.view = view;
        this.step = step;
    }

    @Override
    public void beforeWrite(long pa, int length, Writer writer) {
        StepRecord s = step.get();
        MemoryView v = view.get();
        if (s == null) return;
        s.memoryWrites.add(new StepRecord.MemoryWrite(pa, length, writer.toString()));
        if (v == null) return;
        if (writer instanceof Writer.GicPending g) {
            Use owner = v.at(pa);
            s.pendingWrites.add(new StepRecord.PendingWrite(g.cpu(), pa, owner));
            if (!owner.equals(Use.pendingTable(g.cpu())) && !owner.setAsideForNothingElse()) {
                s.incidents.add(new Incident(s.step(), "stray-gic-write", pa, writer.toString(), owner.label(), s.kernel()));
            }
        } else if (writer instanceof Writer.KernelTable t) {
            Use now = v.at(pa);
            Use before = now.label().equals(t.table()) ? v.before(pa) : now;
            s.tableWrites.add(new StepRecord.TableWrite(pa, length, before, t.table()));
            if (before.kind() != Use.Kind.FREE && !before.setAsideForNothingElse() && !before.label().equals(t.table())) {
                s.incidents.add(new Incident(s.step(), "stray-table-write", pa, writer.toString(), before.label(), s.kernel()));
            }
        }
    }
}
