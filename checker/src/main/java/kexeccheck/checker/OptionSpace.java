package kexeccheck.checker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The valuations of some configuration options: every combination of one value per option, numbered
 * {@code 0 .. size()-1} in mixed radix (the first option varies fastest). A set of valuations is then
 * a {@link java.util.BitSet} over those numbers, which is what the solver's enumeration fills in and
 * what {@link Implicants} minimises.
 */
public final class OptionSpace {

    private final List<String> options;
    private final List<List<String>> values;
    private final int[] stride;
    private final int size;

    /**
     * @param domains each option's name to its values, in the order reports list them; every option
     *     has at least one value
     * @throws IllegalArgumentException for an option without values, or more valuations than an int counts
     */
    public OptionSpace(Map<String, List<String>> domains) {
        this.options = List.copyOf(domains.keySet());
        List<List<String>> vs = new ArrayList<>();
        this.stride = new int[options.size()];
        long n = 1;
        for (int i = 0; i < options.size(); i++) {
            List<String> v = List.copyOf(domains.get(options.get(i)));
            if (v.isEmpty()) {
                throw new IllegalArgumentException("option " + options.get(i) + " has no value");
            }
            vs.add(v);
            stride[i] = (int) n;
            n *= v.size();
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("more valuations than can be numbered: " + domains);
            }
        }
        this.values = List.copyOf(vs);
        this.size = (int) n;
    }

    /**
     * The options a request leaves open: those with more than one value in its scope (the values it
     * names, or the model's when it names none), with those values, in the model's order.
     */
    public static OptionSpace open(CheckRequest request, Vocabulary vocabulary) {
        Map<String, List<String>> open = new LinkedHashMap<>();
        vocabulary.options().forEach((option, all) -> {
            List<String> given = request.options().get(option);
            List<String> scope = given == null || given.isEmpty() ? all
                    : all.stream().filter(given::contains).toList(); // the model's order, not the user's
            if (scope.size() > 1) {
                open.put(option, scope);
            }
        });
        return new OptionSpace(open);
    }

    /** The options, in order. */
    public List<String> options() {
        return options;
    }

    /** The values of the {@code option}-th option, in order. */
    public List<String> values(int option) {
        return values.get(option);
    }

    /** How many valuations there are (1 when there is no option: the empty valuation). */
    public int size() {
        return size;
    }

    /** The index of the value the {@code option}-th option takes in valuation {@code valuation}. */
    public int valueIndex(int valuation, int option) {
        return valuation / stride[option] % values.get(option).size();
    }

    /**
     * The number of a valuation.
     *
     * @param chosen one value of every option of the space (more options are ignored)
     * @throws IllegalArgumentException for an option missing or a value not in the space
     */
    public int index(Map<String, String> chosen) {
        int index = 0;
        for (int i = 0; i < options.size(); i++) {
            int v = values.get(i).indexOf(chosen.get(options.get(i)));
            if (v < 0) {
                throw new IllegalArgumentException("no value of " + options.get(i) + " in the space: " + chosen);
            }
            index += v * stride[i];
        }
        return index;
    }

    /** The valuation with this number: each option's value, in order. */
    public Map<String, String> valuation(int index) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            out.put(options.get(i), values.get(i).get(valueIndex(index, i)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Each option with its values, in order: what the constructor took. */
    public Map<String, List<String>> domains() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            out.put(options.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The same space without some options (those it does not have are ignored). */
    public OptionSpace without(java.util.Collection<String> left) {
        Map<String, List<String>> rest = new LinkedHashMap<>(domains());
        rest.keySet().removeAll(left);
        return new OptionSpace(rest);
    }

    @Override
    public String toString() {
        return domains().toString();
    }
}
