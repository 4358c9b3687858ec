package kexeccheck.checker;

import java.util.Locale;

/**
 * Converts between the model's Alloy identifiers and the names users type.
 *
 * <p>Profiles: {@code _} between two digits is {@code .}, {@code __} is
 * {@code +}, any other {@code _} is {@code -}: {@code linux_5_3__dt_v1} is
 * {@code linux-5.3+dt-v1}. Option values and capabilities: {@code _} is
 * {@code -}. Predicates and other CamelCase atoms: kebab case
 * ({@code NoStrayWrite} is {@code no-stray-write}).
 */
public final class Names {

    private Names() {}

    /** A profile's CLI name from its Alloy signature name. */
    public static String profile(String alloy) {
        StringBuilder out = new StringBuilder();
        String[] parts = alloy.split("__", -1);
        for (int p = 0; p < parts.length; p++) {
            if (p > 0) out.append('+');
            String[] tokens = parts[p].split("_", -1);
            for (int t = 0; t < tokens.length; t++) {
                if (t > 0) {
                    boolean digits = isNumber(tokens[t - 1]) && isNumber(tokens[t]);
                    out.append(digits ? '.' : '-');
                }
                out.append(tokens[t]);
            }
        }
        return out.toString();
    }

    /** A profile's Alloy signature name from its CLI name. */
    public static String profileToAlloy(String cli) {
        return cli.replace("+", "__").replace('.', '_').replace('-', '_');
    }

    /**
     * An option value's or capability's CLI name ({@code dt_preprogrammed} is {@code dt-preprogrammed}).
     * An Alloy name cannot start with a digit, so a value spelled {@code v_4k} in the model is {@code 4k}.
     */
    public static String value(String alloy) {
        String s = alloy.startsWith("v_") && alloy.length() > 2 && Character.isDigit(alloy.charAt(2))
                ? alloy.substring(2) : alloy;
        return s.replace('_', '-');
    }

    /** An option value's Alloy name. */
    public static String valueToAlloy(String cli) {
        String s = cli.replace('-', '_');
        return !s.isEmpty() && Character.isDigit(s.charAt(0)) ? "v_" + s : s;
    }

    /** A CamelCase identifier in kebab case ({@code NoStrayWrite} is {@code no-stray-write}). */
    public static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A signature or atom label without its module path and atom number ({@code core/Frame$3} is {@code Frame}). */
    public static String bare(String label) {
        String s = label.substring(label.lastIndexOf('/') + 1);
        int dollar = s.indexOf('$');
        return dollar < 0 ? s : s.substring(0, dollar);
    }

    /** The number of an atom ({@code core/Frame$3} is 3). */
    public static int atomNumber(String atom) {
        return Integer.parseInt(atom.substring(atom.lastIndexOf('$') + 1));
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
