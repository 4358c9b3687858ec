// Alloy 6 used naively, as a user of the Alloy Analyzer would: for every question, a fresh .als
// file with one run command, parsed, translated and solved from scratch. The peer of
// `kexec-check matrix` in bench/ (issue 5's "Alloy naive"), on the same shipped models.
//
//   java -cp cli/target/kexec-check.jar bench/peers/alloy-naive/NaiveMatrix.java \
//        MODELS_DIR PROPOSAL POPULATION FIRMWARES HARDWARES
// e.g. ... models/src/main/resources/kexec-check/models dt-memory-region-v1 \
//        linux-4.19,linux-5.3,linux-6.1,linux-5.3+dt-v1 efi,dt,dt-preprogrammed sticky,clearable,gicv2
// Prints one line per cell (firmware hardware A B class) and the totals as JSON on the last line.

import edu.mit.csail.sdg.alloy4.A4Reporter;
import edu.mit.csail.sdg.ast.Command;
import edu.mit.csail.sdg.parser.CompModule;
import edu.mit.csail.sdg.parser.CompUtil;
import edu.mit.csail.sdg.translator.A4Options;
import edu.mit.csail.sdg.translator.A4Solution;
import edu.mit.csail.sdg.translator.TranslateAlloyToKodkod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kodkod.engine.satlab.SATFactory;

public class NaiveMatrix {

    static int questions;

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args[0]);
        String proposal = args[1];
        List<String> population = List.of(args[2].split(","));
        long start = System.nanoTime();
        // the same order of questions as the matrix: worst class first
        String[][] classes = {
            {"corruption", "eventually not (NoStrayWrite and ItsQuiescent)"},
            {"lost-lpis", "eventually not (LpisDelivered and OnePropertyTable)"},
            {"recoverable", "eventually KernelWarns"},
            {"safe", "LpisExist and eventually (Machine.running = lastKernel and Machine.phase = Up)"},
            {"not-applicable", "eventually (Machine.running = lastKernel)"},
        };
        int cells = 0;
        for (String firmware : args[3].split(",")) {
            for (String hardware : args[4].split(",")) {
                for (String a : population) {
                    for (String b : population) {
                        String cell = "Config.firmware = " + alloy(firmware) + " and Config.hardware = " + alloy(hardware)
                                + " and firstKernel.profile = " + alloy(a) + " and lastKernel.profile = " + alloy(b);
                        String outcome = "cannot-run";
                        for (String[] c : classes) {
                            if (sat(models, proposal, cell + " and " + c[1])) {
                                outcome = c[0];
                                break;
                            }
                        }
                        cells++;
                        System.out.println(firmware + " " + hardware + " " + a + " " + b + " " + outcome);
                    }
                }
            }
        }
        System.out.printf("{\"cells\": %d, \"questions\": %d, \"seconds\": %.1f}%n", cells, questions,
                (System.nanoTime() - start) / 1e9);
    }

    static String alloy(String cli) {
        return cli.replace("+", "__").replace('-', '_').replace('.', '_');
    }

    /** One question, from nothing: write the file, parse it, translate and solve its command. */
    static boolean sat(Path models, String proposal, String formula) throws Exception {
        questions++;
        // as a user would: the proposal's own file with one run command added at its end
        Path file = Files.createTempFile(models.resolve("proposals"), "question", ".als");
        try {
            Files.writeString(file, Files.readString(models.resolve("proposals/" + proposal + ".als")) + "\n"
                    + "run { init and (always step) and " + formula + " }"
                    + " for 9 Frame, exactly 2 Cpu, exactly 2 PendTable, exactly 2 Kernel, 5..5 steps\n");
            CompModule world = CompUtil.parseEverything_fromFile(A4Reporter.NOP, null, file.toString());
            Command command = world.getAllCommands().get(0);
            A4Options options = new A4Options();
            options.solver = SATFactory.get("sat4j");
            options.skolemDepth = 1;
            A4Solution solution = TranslateAlloyToKodkod.execute_command(A4Reporter.NOP,
                    world.getAllReachableSigs(), command, options);
            return solution.satisfiable();
        } finally {
            Files.delete(file);
        }
    }
}
