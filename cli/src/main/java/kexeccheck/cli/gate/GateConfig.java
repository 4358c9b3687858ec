package kexeccheck.cli.gate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.CheckRequest;
import kexeccheck.cli.GivenValues;
import kexeccheck.models.ShippedModels;
import kexeccheck.report.gate.GateCheck;
import kexeccheck.trace.ConfigurationOption;
import kexeccheck.trace.Outcome;

/**
 * The gate's configuration file ({@code kexec-check.yml}): the checks a project runs on every change,
 * each with the outcome it is expected to have. Keys are {@code check}'s long option names; a key the
 * gate does not know is an error naming the file, line and key, so a typo never silently widens a check.
 *
 * @param file the file it was read from, as given
 * @param baseline the baseline file named in the configuration (relative to it), if any
 * @param checks the checks, in file order
 */
public record GateConfig(Path file, Optional<Path> baseline, List<GateCheck> checks) {

    /** The baseline's file name beside the configuration when neither the file nor {@code --baseline} names one. */
    public static final String DEFAULT_BASELINE = "kexec-check.baseline.json";

    private static final java.util.regex.Pattern MISSING =
            java.util.regex.Pattern.compile("Missing required creator property '([^']+)'");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The file's top level, as written. */
    record Document(
            @JsonProperty("baseline") String baseline,
            @JsonProperty(value = "checks", required = true) List<Entry> checks) {}

    /** One check as written: {@code check}'s options, plus a name and the expected outcome. */
    record Entry(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty("model") String model,
            @JsonProperty("chain") List<String> chain,
            @JsonProperty("population") List<String> population,
            @JsonProperty("kernels") Integer kernels,
            @JsonProperty("firmware") List<String> firmware,
            @JsonProperty("reserved-memory") List<String> reservedMemory,
            @JsonProperty("dtb") List<String> dtb,
            @JsonProperty("loader") List<String> loader,
            @JsonProperty("syscall") List<String> syscall,
            @JsonProperty("hardware") List<String> hardware,
            @JsonProperty("propbaser-sharing") List<String> propbaserSharing,
            @JsonProperty("devices") List<String> devices,
            @JsonProperty("kexec") List<String> kexec,
            @JsonProperty("page-size") List<String> pageSize,
            @JsonProperty("cpus") Integer cpus,
            @JsonProperty("properties") List<String> properties,
            @JsonProperty("steps") Integer steps,
            @JsonProperty("frames") Integer frames,
            @JsonProperty("coverage") Boolean coverage,
            @JsonProperty(value = "expect", required = true) String expect) {

        /** The values written for one option; the switch has no default, so a new option cannot be left out here. */
        List<String> given(ConfigurationOption o) {
            return switch (o) {
                case FIRMWARE -> firmware;
                case RESERVED_MEMORY -> reservedMemory;
                case DTB -> dtb;
                case LOADER -> loader;
                case SYSCALL -> syscall;
                case HARDWARE -> hardware;
                case PROPBASER_SHARING -> propbaserSharing;
                case DEVICES -> devices;
                case KEXEC -> kexec;
                case PAGE_SIZE -> pageSize;
            };
        }
    }

    /**
     * Reads and checks a configuration file.
     *
     * @throws BadInputException one line naming the file (and line and key, where there is one) and the problem
     */
    static GateConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the gate configuration (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        if (text.isBlank()) {
            throw new BadInputException(file + ": the gate configuration is empty (it needs 'checks:')");
        }
        Document doc;
        try {
            doc = YAML.readValue(text, Document.class);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            throw new BadInputException(at(file, locate(text, e)) + "unknown key '" + e.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")"));
        } catch (ValueInstantiationException e) {
            throw new BadInputException(at(file, locate(text, e))
                    + Objects.requireNonNullElse(e.getCause(), e).getMessage());
        } catch (JsonMappingException e) {
            java.util.regex.Matcher missing = MISSING.matcher(e.getOriginalMessage());
            String problem = missing.find() ? "missing the required key '" + missing.group(1) + "'"
                    : e instanceof MismatchedInputException m && m.getTargetType() != null
                            ? key(e) + " must be " + kind(m.getTargetType())
                                    + (m instanceof InvalidFormatException f ? ", not '" + f.getValue() + "'" : "")
                            : e.getOriginalMessage().replaceAll("\\s*\\n\\s*", " ");
            throw new BadInputException(at(file, locate(text, e)) + problem);
        } catch (JsonProcessingException e) {
            throw new BadInputException(at(file, e.getLocation()) + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", " "));
        }
        if (doc == null) {
            throw new BadInputException(file + ": the gate configuration is empty (it needs 'checks:')");
        }
        if (doc.checks().isEmpty()) {
            throw new BadInputException(file + ": 'checks' lists no check");
        }
        Path folder = folder(file);
        List<GateCheck> checks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Entry e : doc.checks()) {
            if (e == null) {
                throw new BadInputException(file + ": an entry of 'checks' is empty");
            }
            if (e.name().isBlank() || !names.add(e.name())) {
                throw new BadInputException(file + ": check name '" + e.name() + "' is "
                        + (e.name().isBlank() ? "empty" : "used twice") + " (each check needs its own name)");
            }
            checks.add(check(file, folder, e));
        }
        Optional<Path> baseline = Optional.ofNullable(doc.baseline()).map(b -> folder.resolve(b).normalize());
        return new GateConfig(file, baseline, List.copyOf(checks));
    }

    /** Where the baseline lives: {@code --baseline}, else the file's {@code baseline:}, else beside the file. */
    Path baselineFile(Path override) {
        if (override != null) {
            return override;
        }
        return baseline.orElseGet(() -> folder(file).resolve(DEFAULT_BASELINE));
    }

    /** The folder of the file as given (relative paths stay relative, so reports do not name the checkout). */
    private static Path folder(Path file) {
        return Optional.ofNullable(file.getParent()).orElse(Path.of(""));
    }

    private static GateCheck check(Path file, Path folder, Entry e) {
        String where = file + ": check '" + e.name() + "': ";
        Outcome expect;
        try {
            expect = Outcome.fromCliName(e.expect());
            if (!expect.isClass()) throw new IllegalArgumentException(expect.cliName());
        } catch (IllegalArgumentException x) {
            throw new BadInputException(where + "expect '" + e.expect() + "' is not an outcome class (one of: "
                    + String.join(", ", Outcome.classes().stream().map(Outcome::cliName).toList()) + ")");
        }
        String model = Objects.requireNonNullElse(e.model(), ShippedModels.DEFAULT_PROPOSAL);
        String resolved = model;
        if (model.endsWith(".als")) {
            resolved = folder.resolve(model).normalize().toString();
        } else if (!ShippedModels.proposals().contains(model)) {
            throw new BadInputException(where + "unknown model '" + model + "' (shipped: "
                    + String.join(", ", ShippedModels.proposals()) + "; or a path to an .als file)");
        }
        try {
            Map<String, List<String>> options = new LinkedHashMap<>();
            for (ConfigurationOption o : ConfigurationOption.values()) {
                options.put(o.cliName(), GivenValues.of(o.cliName(), e.given(o)));
            }
            options.values().removeIf(List::isEmpty);
            List<String> chain = GivenValues.of("chain", e.chain());
            if (!chain.isEmpty() && e.kernels() != null && e.kernels() != chain.size()) {
                throw new BadInputException("kernels " + e.kernels() + " with a chain of " + chain.size()
                        + " kernels: the chain fixes how many (leave kernels out)");
            }
            CheckRequest request = new CheckRequest(resolved, chain, GivenValues.of("population", e.population()),
                    Objects.requireNonNullElse(e.kernels(), CheckRequest.DEFAULT_KERNELS), options,
                    Objects.requireNonNullElse(e.cpus(), CheckRequest.DEFAULT_CPUS),
                    Optional.ofNullable(e.frames()), Optional.ofNullable(e.steps()),
                    GivenValues.of("properties", e.properties()));
            return new GateCheck(e.name(), model, request, expect, Boolean.TRUE.equals(e.coverage()));
        } catch (BadInputException x) {
            throw new BadInputException(where + x.getMessage());
        }
    }

    /**
     * Where the key or entry a binding error is about starts. Jackson reports where the parser stopped,
     * which for records is the end of the enclosing object; so the text is read again, token by token,
     * up to the error's path.
     */
    private static JsonLocation locate(String text, JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        // the path may end in the missing key itself: then the object that misses it is meant
        for (String wanted = pointer.toString(); !wanted.isEmpty(); wanted = wanted.substring(0, wanted.lastIndexOf('/'))) {
            JsonLocation found = locate(text, wanted);
            if (found != null) {
                return found;
            }
        }
        return e.getLocation();
    }

    private static JsonLocation locate(String text, String wanted) {
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t.isStructStart()) {
                    String here = t.isStructStart() && p.getParsingContext().getParent() != null
                            ? p.getParsingContext().getParent().pathAsPointer().toString()
                            : p.getParsingContext().pathAsPointer().toString();
                    if (here.equals(wanted)) {
                        return p.currentTokenLocation();
                    }
                }
            }
        } catch (IOException ignored) {
            // the text parsed once already; the caller falls back to where Jackson stopped
        }
        return null;
    }

    /** The value an error is about, as a reader writes it: {@code 'checks[1].cpus'}. */
    private static String key(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                key.append(key.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                key.append('[').append(r.getIndex()).append(']');
            }
        }
        return key.length() == 0 ? "the file" : "'" + key + "'";
    }

    private static String kind(Class<?> type) {
        if (type == Entry.class) {
            return "a check (keys name, expect, and check's options)";
        } else if (type == Document.class) {
            return "a map with the key 'checks'";
        } else if (type == Integer.class || type == int.class) {
            return "a whole number";
        } else if (List.class.isAssignableFrom(type)) {
            return "a list (or one value)";
        } else if (type == String.class) {
            return "a single value";
        }
        return "a " + type.getSimpleName();
    }

    private static String at(Path file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return file + ": ";
        }
        return file + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }
}
