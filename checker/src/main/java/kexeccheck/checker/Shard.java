package kexeccheck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} equal parts of a piece of work (a matrix's tables, a cross-check's
 * configurations, a gate's checks), so that the parts run as separate jobs of a CI system and a
 * {@code merge} puts their reports together.
 *
 * <p>Part {@code index} (from 1) takes the items at positions {@code index - 1}, {@code index - 1 +
 * count}, ...: round robin, because neighbouring items (the tables of one firmware) tend to cost
 * alike, so every part gets a fair share of the dear ones.
 *
 * @param index which part, from 1
 * @param count how many parts
 */
public record Shard(int index, int count) {

    /** The whole of the work: one part of one. */
    public static final Shard WHOLE = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new BadInputException("--shard " + index + "/" + count + ": want I/N with 1 <= I <= N");
        }
    }

    /**
     * Reads {@code I/N}.
     *
     * @throws BadInputException when the text is not of that form, or I is not between 1 and N
     */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new BadInputException("--shard '" + text + "': want I/N, e.g. 2/4 (part 2 of 4)");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** This part's items, in their order. */
    public <T> List<T> select(List<T> items) {
        List<T> mine = new ArrayList<>();
        for (int i = index - 1; i < items.size(); i += count) {
            mine.add(items.get(i));
        }
        return mine;
    }

    /**
     * The items dealt round robin into at most {@code parts} non-empty groups (fewer when there are
     * fewer items): how {@code --jobs} shares one machine's part among its threads.
     */
    public static <T> List<List<T>> groups(List<T> items, int parts) {
        int n = Math.max(1, Math.min(parts, items.size()));
        List<List<T>> groups = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<T> group = new Shard(i, n).select(items);
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** Whether this is the whole of the work. */
    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
