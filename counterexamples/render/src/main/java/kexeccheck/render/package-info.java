/**
 * Counterexample graphs: {@link kexeccheck.render.TraceGraph} builds the
 * graph of one trace with graphviz-java's model and writes it as DOT;
 * {@link kexeccheck.render.DotProgram} runs Graphviz's {@code dot} to draw it
 * as SVG or PNG. See {@code docs/render.md} for how to read the picture.
 */
package kexeccheck.render;
