package kexeccheck.checker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kexeccheck.models.ShippedModels;

/**
 * Where a model's Alloy text comes from: a shipped proposal by name, or a
 * user's {@code .als} file. Either way the shipped modules
 * ({@code kexec/core}, {@code kexec/profiles}, …) are available to
 * {@code open}, so a user's proposal can build on the core without copying it.
 *
 * @param name the name reports use (the proposal's name, or the file as given)
 * @param mainPath the path Alloy parses as the root module
 * @param mainText the root module's text
 * @param library module texts by absolute path, for Alloy's {@code open}
 */
public record ModelSource(String name, String mainPath, String mainText, Map<String, String> library) {

    /** Where shipped models appear to Alloy; no file is ever read or written there. */
    static final String SHIPPED_ROOT = "/kexec-check-shipped-models/";

    private static final Pattern MODULE = Pattern.compile("(?m)^\\s*module\\s+([A-Za-z0-9_/]+)");

    public ModelSource {
        library = Map.copyOf(library);
    }

    /** Where the shipped modules are in kexec-check's repository: reports name them there, a path that exists. */
    public static final String IN_REPOSITORY = "models/src/main/resources/kexec-check/models/";

    /**
     * The shipped module Alloy read from {@code alloyPath}, as its path under the models' root
     * ({@code kexec/core.als}), or null when that file is the user's own.
     */
    String shippedModule(String alloyPath) {
        if (alloyPath == null || !library.containsKey(alloyPath)) {
            return null;
        }
        if (alloyPath.startsWith(SHIPPED_ROOT)) {
            return alloyPath.substring(SHIPPED_ROOT.length());
        }
        String slashed = alloyPath.replace('\\', '/');
        return ShippedModels.sources().keySet().stream().filter(m -> slashed.endsWith("/" + m)).findFirst().orElse(null);
    }

    /** Whether this is a shipped proposal, whose events the bounds' completeness argument is about. */
    public boolean isShipped() {
        return mainPath.startsWith(SHIPPED_ROOT);
    }

    /**
     * Resolves {@code -m}: a shipped proposal's name, or a path ending in {@code .als}.
     *
     * @throws BadInputException for an unknown name or an unreadable file
     */
    public static ModelSource resolve(String model) {
        if (model.endsWith(".als")) {
            return fromFile(Path.of(model), model);
        }
        if (!ShippedModels.proposals().contains(model)) {
            throw new BadInputException("unknown model '" + model + "' (shipped: "
                    + String.join(", ", ShippedModels.proposals()) + "; or give a path to an .als file)");
        }
        Map<String, String> library = new HashMap<>();
        ShippedModels.sources().forEach((path, text) -> library.put(SHIPPED_ROOT + path, text));
        String main = SHIPPED_ROOT + ShippedModels.proposalPath(model);
        return new ModelSource(model, main, library.get(main), library);
    }

    private static ModelSource fromFile(Path file, String asGiven) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException(asGiven + ": cannot read the model (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path root = moduleRoot(absolute, text);
        Map<String, String> library = new HashMap<>();
        ShippedModels.sources().forEach((path, source) -> {
            Path at = root.resolve(path);
            // a user's own copy of a module wins over the shipped one
            if (!Files.exists(at)) {
                library.put(at.toString(), source);
            }
        });
        return new ModelSource(asGiven, absolute.toString(), text, library);
    }

    /** Alloy resolves {@code open a/b} against the folder the root module's own name implies. */
    private static Path moduleRoot(Path file, String text) {
        Path root = file.getParent();
        Matcher m = MODULE.matcher(text);
        if (m.find()) {
            int depth = m.group(1).split("/").length - 1;
            for (int i = 0; i < depth && root.getParent() != null; i++) {
                root = root.getParent();
            }
        }
        return root;
    }
}
