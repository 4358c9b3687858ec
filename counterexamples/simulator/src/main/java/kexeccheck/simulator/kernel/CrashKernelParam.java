package kexeccheck.simulator.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kexeccheck.simulator.memory.AddressRange;

/** The {@code crashkernel=SIZE@BASE} command-line parameter (kernel/crash_core.c, the fixed-base form). */
final class CrashKernelParam {

    private static final Pattern FORM = Pattern.compile("(?:^|\\s)crashkernel=(\\w+)@(\\w+)");

    private CrashKernelParam() {}

    /** The region, or null when the parameter is absent. */
    static AddressRange parse(String bootargs) {
        Matcher m = FORM.matcher(bootargs);
        return m.find() ? new AddressRange(memparse(m.group(2)), memparse(m.group(1))) : null;
    }

    /** memparse(): a number with an optional K, M or G suffix, decimal or 0x-hex. */
    static long memparse(String s) {
        long shift = switch (Character.toUpperCase(s.charAt(s.length() - 1))) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        long v = digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
        return v << shift;
    }
}
