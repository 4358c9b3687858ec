package kexeccheck.checker;

import edu.mit.csail.sdg.alloy4.A4Reporter;
import edu.mit.csail.sdg.alloy4.Err;
import edu.mit.csail.sdg.ast.Command;
import edu.mit.csail.sdg.ast.Expr;
import edu.mit.csail.sdg.ast.Sig;
import edu.mit.csail.sdg.parser.CompModule;
import edu.mit.csail.sdg.parser.CompUtil;
import edu.mit.csail.sdg.translator.A4Options;
import edu.mit.csail.sdg.translator.A4Solution;
import edu.mit.csail.sdg.translator.TranslateAlloyToKodkod;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kexeccheck.checker.sat.SatEngines;
import kexeccheck.trace.Bounds;

/**
 * A model parsed once for one set of bounds, ready to solve queries on.
 *
 * <p>The bounds go into one template command appended after the model's
 * last line (so that Alloy's line numbers for the model stay the user's);
 * every query reuses its scopes with its own formula and trace length.
 */
final class LoadedModel {

    private static final String TEMPLATE = "kexec_check_bounds";

    /**
     * Whether Alloy infers a partial instance from the facts before each solve: off, unless the
     * system property {@code kexeccheck.inferPartialInstance} is true (the benchmark measures both).
     */
    private static final boolean INFER_PARTIAL_INSTANCE = Boolean.getBoolean("kexeccheck.inferPartialInstance");

    /**
     * Whether every query is logged on stderr as it ends (states, clauses, translation and SAT time,
     * the answer and the end of its formula): the system property {@code kexeccheck.logQueries},
     * for finding where a slow check spends its time (docs/performance.md, "The floor of a check").
     */
    private static final boolean LOG_QUERIES = Boolean.getBoolean("kexeccheck.logQueries");

    /** Alloy's message when a relation of the bounds has more tuples than an int can number. */
    private static final Pattern CAPACITY = Pattern.compile(
            "Translation capacity exceeded\\.\\s+In this scope, universe contains (\\d+) atoms\\s+and relations of arity (\\d+)");

    private final ModelSource source;
    private final CompModule world;
    private final Command template;
    private final Bounds bounds;
    private final Annotations annotations;
    private final Vocabulary vocabulary;
    private final Map<String, Expr> expressions = new ConcurrentHashMap<>();

    private LoadedModel(ModelSource source, CompModule world, Command template, Bounds bounds,
            Annotations annotations, Vocabulary vocabulary) {
        this.source = source;
        this.world = world;
        this.template = template;
        this.bounds = bounds;
        this.annotations = annotations;
        this.vocabulary = vocabulary;
    }

    /**
     * The one way a request becomes a model to ask: resolves the request's model (shipped name or
     * {@code .als} file), bounds it for the request's chain and CPUs, and parses it.
     *
     * @throws BadInputException for an unknown or broken model, or bounds the translator cannot hold
     */
    static LoadedModel forRequest(CheckRequest request) {
        ModelSource source = ModelSource.resolve(request.model());
        return load(source, BoundsPolicy.forRequest(source, request));
    }

    /** The same model and bounds parsed again: one per thread, since Alloy's parsed modules are not shared safely. */
    LoadedModel copy() {
        return load(source, bounds);
    }

    /**
     * Parses a model with the given bounds.
     *
     * @throws BadInputException when the model does not parse or type-check (file, line, column and
     *     Alloy's message) or does not follow the conventions
     */
    static LoadedModel load(ModelSource source, Bounds bounds) {
        Map<String, String> texts = new HashMap<>(source.library());
        texts.put(source.mainPath(), source.mainText() + "\n" + templateCommand(bounds) + "\n");
        CompModule world;
        try {
            world = CompUtil.parseEverything_fromFile(A4Reporter.NOP, texts, source.mainPath());
        } catch (Err e) {
            throw new BadInputException(ModelErrors.describe(e, source));
        }
        Command template = extensionScopes(world, world.getAllCommands().stream()
                .filter(c -> c.label.equals(TEMPLATE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the bounds command vanished from the parsed model")));
        // Alloy fills `texts` with every module it read: the annotations come from all of them
        Annotations annotations = Annotations.scan(displayPaths(texts, source));
        Vocabulary vocabulary = Vocabulary.of(world.getAllReachableSigs(), source.name());
        return new LoadedModel(source, world, template, bounds, annotations, vocabulary);
    }

    private static String templateCommand(Bounds b) {
        return "run " + TEMPLATE + " {} for " + b.frames() + " Frame, exactly " + b.cpus() + " Cpu, exactly "
                + b.cpus() + " PendTable, exactly " + b.kernels() + " Kernel, " + b.steps() + ".." + b.steps() + " steps";
    }

    /**
     * An empty scope for an extension point no proposal filled (such as {@code Channel}): an abstract
     * sig without children has no atoms. Alloy infers the scope of one with {@code one sig} children
     * but asks for one here, which the bounds cannot know in advance.
     */
    private static Command extensionScopes(CompModule world, Command template) {
        Command out = template;
        for (Sig sig : world.getAllReachableSigs()) {
            if (sig instanceof Sig.PrimSig prim && prim.isAbstract != null && !prim.builtin
                    && template.getScope(prim) == null && prim.children().isEmpty()) {
                out = out.change(prim, true, 0);
            }
        }
        return out;
    }

    private static Map<String, String> displayPaths(Map<String, String> texts, ModelSource source) {
        Map<String, String> out = new HashMap<>();
        texts.forEach((path, text) -> {
            if (path.endsWith(".als")) {
                out.put(displayPath(path, source), text);
            }
        });
        return out;
    }

    /**
     * A path as users should read it: a shipped module (opened by any model) at its path in
     * kexec-check's repository, the user's own files as given.
     */
    static String displayPath(String path, ModelSource source) {
        if (path == null) {
            return source.name();
        }
        String shipped = source.shippedModule(path);
        if (shipped != null) {
            return ModelSource.IN_REPOSITORY + shipped;
        }
        return path.equals(source.mainPath()) ? source.name() : path;
    }

    ModelSource source() {
        return source;
    }

    Bounds bounds() {
        return bounds;
    }

    Annotations annotations() {
        return annotations;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * An Alloy expression or formula in the model's context, parsed once.
     *
     * @throws BadInputException when the model lacks a name the query needs
     */
    Expr expr(String text) {
        return expressions.computeIfAbsent(text, t -> {
            try {
                return CompUtil.parseOneExpression_fromString(world, t);
            } catch (Err e) {
                throw new BadInputException(source.name() + ": does not follow kexec-check's conventions ("
                        + e.msg.strip().replaceAll("\\s*\\n\\s*", " ") + " in '" + t + "')");
            }
        });
    }

    /**
     * The value of an expression (a Boolean for a formula, an {@code A4TupleSet} for a relation) in
     * one state of a solution of this model.
     */
    Object eval(A4Solution solution, String expression, int state) {
        try {
            return solution.eval(expr(expression), state);
        } catch (Err e) {
            throw new IllegalStateException("cannot evaluate '" + expression + "' in a solution: " + e.msg, e);
        }
    }

    /**
     * Refuses a model whose facts, {@code init} and {@code step} admit no run at all, whatever the
     * configuration: every property would "hold" and every matrix cell "cannot run", saying nothing.
     *
     * @throws BadInputException naming the model when it is vacuous
     */
    void requireSomeRun() {
        if (!solve("init and (always step)", bounds.steps()).found()) {
            throw new BadInputException(source.name() + ": the model admits no run at all (its facts contradict"
                    + " init or step, with every configuration open): every verdict on it would be vacuous");
        }
    }

    /**
     * Solves one query: is there a trace of exactly {@code length} states satisfying the formula
     * (and the model's facts)?
     */
    SolveResult solve(String formula, int length) {
        Expr goal = expr(formula).and(world.getAllReachableFacts());
        Command base = template.change(goal);
        Command command = new Command(base.pos, base.nameExpr, base.label, false, base.overall, base.bitwidth,
                base.maxseq, length, length, -1, base.scope, base.additionalExactScopes, base.commandKeyword,
                base.formula, base.parent);
        Timer timer = new Timer();
        A4Options options = new A4Options();
        // the process's engine (SAT4J or CaDiCaL), chosen once by the CLI: kexeccheck.checker.sat.SatEngines
        options.solver = SatEngines.current().factory();
        options.skolemDepth = 1;
        options.noOverflow = true;
        // Alloy's partial-instance inference resolves every symbolic temporal bound into concrete
        // tuples before each solve: 72 % of a check's time, for bounds that come out no tighter (the
        // CNF has the same size without it). docs/performance.md, "Where the time goes".
        options.inferPartialInstance = INFER_PARTIAL_INSTANCE;
        long start = System.nanoTime();
        A4Solution solution;
        try {
            solution = TranslateAlloyToKodkod.execute_command(timer, world.getAllReachableSigs(), command, options);
        } catch (Err e) {
            Matcher capacity = CAPACITY.matcher(e.msg);
            if (capacity.find()) {
                // Kodkod numbers every tuple of a relation with an int: the bounds, not the model, are at fault
                throw new BadInputException("the bounds (" + bounds.describe() + ") are more than Alloy's translator"
                        + " can represent (a universe of " + capacity.group(1) + " atoms, relations of arity "
                        + capacity.group(2) + "): give fewer --frames or --steps (the defaults cover every run)");
            }
            throw new IllegalStateException("Alloy failed on a query of " + source.name() + ": " + e.msg, e);
        }
        long end = System.nanoTime();
        long translated = timer.solvingStarted == 0 ? end : timer.solvingStarted;
        if (LOG_QUERIES) {
            System.err.printf("kexec-check: query: %d states, %,d clauses, translation %d ms, SAT %d ms, %s: ...%s%n",
                    length, timer.clauses, (translated - start) / 1_000_000, (end - translated) / 1_000_000,
                    solution.satisfiable() ? "a run" : "no run", formula.substring(Math.max(0, formula.length() - 100)));
        }
        return new SolveResult(solution.satisfiable() ? solution : null, translated - start, end - translated,
                timer.clauses);
    }

    /** Notes when translation ends and solving starts. */
    private static final class Timer extends A4Reporter {
        long solvingStarted;
        int clauses;

        @Override
        public void solve(int plength, int primaryVars, int totalVars, int clauses) {
            solvingStarted = System.nanoTime();
            this.clauses = clauses;
        }
    }

    /**
     * The answer to one query.
     *
     * @param solution the trace found, or null when there is none
     * @param translateNanos time spent translating to CNF
     * @param solveNanos time spent in the SAT solver
     * @param clauses the size of the CNF
     */
    record SolveResult(A4Solution solution, long translateNanos, long solveNanos, int clauses) {
        boolean found() {
            return solution != null;
        }
    }
}
