package kexeccheck.render;

/** The files a counterexample graph is written as. */
public enum GraphFormat {
    /** Graphviz's DOT text: always available, the input of the other two. */
    dot,
    /** SVG, drawn by Graphviz's {@code dot}. */
    svg,
    /** PNG, drawn by Graphviz's {@code dot}. */
    png;

    /** The file name extension, with its dot ({@code .svg}). */
    public String extension() {
        return "." + name();
    }
}
