package kexeccheck.report;

import java.util.Map;
import java.util.stream.Collectors;
import kexeccheck.checker.Condition;

/**
 * Conditions in a reader's words rather than option names: {@code loader=ignores-reserved and
 * syscall=kexec-load} becomes "the loader ignores reserved ranges and kexec_load loads the next
 * kernel". Each value of every option the CLI knows has a phrase ({@code OptionWordsTest} holds that);
 * a value of a model's own option keeps its {@code option=value} form.
 */
public final class OptionWords {

    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("firmware=efi", "EFI firmware boots the first kernel"),
            Map.entry("firmware=dt", "firmware without EFI passes a device tree"),
            Map.entry("firmware=dt-preprogrammed", "a bootloader without EFI programs the LPI tables"),
            Map.entry("firmware=efi-preprogrammed", "an EFI bootloader programs the LPI tables"),
            Map.entry("reserved-memory=map", "the LPI region is reserved without no-map"),
            Map.entry("reserved-memory=nomap", "the LPI region is reserved with no-map"),
            Map.entry("dtb=passthrough", "kexec passes the running device tree on"),
            Map.entry("dtb=user-without-reserved", "the user passes a DTB without the LPI region"),
            Map.entry("loader=honours-reserved", "the loader keeps off reserved ranges"),
            Map.entry("loader=ignores-reserved", "the loader ignores reserved ranges"),
            Map.entry("syscall=kexec-load", "kexec_load loads the next kernel (kexec -l)"),
            Map.entry("syscall=kexec-file-load", "kexec_file_load loads the next kernel (kexec -s)"),
            Map.entry("syscall=kexec-file-load-unfinalised", "kexec_file_load loads the next kernel with KHO not finalised"),
            Map.entry("hardware=sticky", "EnableLPIs stays set once set"),
            Map.entry("hardware=clearable", "EnableLPIs can be cleared"),
            Map.entry("hardware=gicv2", "the GIC is a GICv2 (no LPIs)"),
            Map.entry("propbaser-sharing=per-redistributor", "each redistributor has its own PROPBASER"),
            Map.entry("propbaser-sharing=shared", "the redistributors share one PROPBASER"),
            Map.entry("devices=quiescent", "devices stay quiet across kexec"),
            Map.entry("devices=active", "devices keep sending MSIs"),
            Map.entry("kexec=normal", "the kexec is a normal one"),
            Map.entry("kexec=crash", "the kexec is a crash kexec into a capture kernel"),
            Map.entry("page-size=4k", "pages are 4 KiB"),
            Map.entry("page-size=64k", "pages are 64 KiB"));

    private OptionWords() {}

    /** One value's phrase, or {@code option=value} for a value this class does not know. */
    public static String phrase(String option, String value) {
        return PHRASES.getOrDefault(option + "=" + value, option + "=" + value);
    }

    /** Whether a value has a phrase of its own. */
    static boolean known(String option, String value) {
        return PHRASES.containsKey(option + "=" + value);
    }

    /**
     * A condition in words: terms joined by ", or if ", literals by " and ", the values a literal allows by
     * " or ". Empty for "never" and "always" (callers say those their own way).
     */
    public static String describe(Condition c) {
        if (c.never() || c.always()) {
            return "";
        }
        return c.terms().stream().map(t -> t.literals().entrySet().stream()
                .map(e -> e.getValue().stream().map(v -> phrase(e.getKey(), v)).collect(Collectors.joining(" or ")))
                .collect(Collectors.joining(" and "))).collect(Collectors.joining(", or if "));
    }
}
