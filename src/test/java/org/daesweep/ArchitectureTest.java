package org.daesweep;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages' layering: each layer uses only the layers below it. A wrong import fails the
 * build here, naming the classes. {@code LAYERS} is the one statement of the package map; the
 * package-info files and docs/DESIGN.md point here. The bytecode is checked with ArchUnit, and the
 * sources as well, because an import the compiler drops (unused, or a name only in Javadoc)
 * leaves no trace in bytecode.
 */
class ArchitectureTest {
    /** Top to bottom; each entry is a layer's name and its packages. */
    private static final List<String[]> LAYERS = List.of(
            new String[]{"cli", "org.daesweep.cli.."},
            new String[]{"spark", "org.daesweep.spark.."},
            new String[]{"config", "org.daesweep.config.."},
            new String[]{"results", "org.daesweep.results.."},
            new String[]{"plots", "org.daesweep.plots.."},
            new String[]{"search", "org.daesweep.search"},
            new String[]{"search parts", "org.daesweep.search.sampler..", "org.daesweep.search.scheduler..",
                    "org.daesweep.search.stop..", "org.daesweep.search.importance.."},
            new String[]{"search space", "org.daesweep.search.space.."},
            new String[]{"denoise", "org.daesweep.denoise.."},
            new String[]{"training", "org.daesweep.training.."},
            new String[]{"trial", "org.daesweep.trial.."},
            new String[]{"model", "org.daesweep.model.."},
            new String[]{"runtime", "org.daesweep.runtime.."},
            new String[]{"noise", "org.daesweep.noise.."},
            new String[]{"metrics", "org.daesweep.metrics.."},
            new String[]{"data", "org.daesweep.data.."},
            new String[]{"base", "org.daesweep"});

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.daesweep");
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            layers = layers.layer(layer[0]).definedBy(Arrays.copyOfRange(layer, 1, layer.length));
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String name = LAYERS.get(i)[0];
            String[] above = LAYERS.subList(0, i).stream().map(l -> l[0]).toArray(String[]::new);
            layers = i == 0 ? layers.whereLayer(name).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(name).mayOnlyBeAccessedByLayers(above);
        }
        layers.check(classes);
    }

    @Test
    void noPackagesUseEachOther() {
        slices().matching("org.daesweep.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sparkStaysAtTheTopAndTrainingIsPlainJava() {
        noClasses().that().resideOutsideOfPackages("org.daesweep.cli..", "org.daesweep.spark..", "org.daesweep.results..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.spark..")
                .check(classes);
    }

    /** docs/DESIGN.md's package map names every layer, in this order: the map and the rule cannot drift apart. */
    @Test
    void theDesignsPackageMapFollowsTheLayers() throws IOException {
        Matcher m = Pattern.compile("^\\| `([a-z.]+)`", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("docs/DESIGN.md")));
        List<Integer> order = new ArrayList<>();
        while (m.find()) {
            order.add(layerOf("org.daesweep." + m.group(1)));
        }
        List<Integer> sorted = new ArrayList<>(order);
        sorted.sort(null);
        assertEquals(sorted, order, "the map's packages top to bottom, as LAYERS has them");
        assertEquals(LAYERS.size() - 1, new TreeSet<>(order).size(), "every layer but the base package is in the map");
    }

    private static final Path SOURCES = Path.of("src/main/java");
    /** A reference to one of our classes: an import, or a fully-qualified name in code. */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.daesweep((?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void theSourcesFollowTheLayersToo() {
        List<String> wrong = new ArrayList<>();
        sourceDependencies().forEach((from, targets) -> targets.forEach(to -> {
            if (layerOf(to) < layerOf(from)) {
                wrong.add(from + " -> " + to);
            }
        }));
        assertEquals(List.of(), wrong, "packages that use a layer above them, in the sources");
    }

    @Test
    void theSourcesHaveNoPackageCycles() {
        Map<String, Set<String>> uses = sourceDependencies();
        for (String start : uses.keySet()) {
            Set<String> reached = new HashSet<>();
            List<String> todo = new ArrayList<>(uses.get(start));
            while (!todo.isEmpty()) {
                String next = todo.remove(todo.size() - 1);
                if (reached.add(next)) {
                    todo.addAll(uses.getOrDefault(next, Set.of()));
                }
            }
            assertTrue(!reached.contains(start), start + " reaches itself through the sources' imports: " + reached);
        }
    }

    /** Package to the other packages of ours its source files name, in imports or in code. */
    private static Map<String, Set<String>> sourceDependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Matcher m = REFERENCE.matcher(Files.readString(file));
                Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
                while (m.find()) {
                    String to = "org.daesweep" + m.group(1);
                    if (!to.equals(from)) {
                        targets.add(to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(uses.size() > 10, "the sources were found: " + uses.keySet());
        return uses;
    }

    private static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] layer = LAYERS.get(i);
            for (int j = 1; j < layer.length; j++) {
                String p = layer[j];
                boolean deep = p.endsWith("..");
                String base = deep ? p.substring(0, p.length() - 2) : p;
                if (pkg.equals(base) || deep && pkg.startsWith(base + ".")) {
                    return i;
                }
            }
        }
        throw new AssertionError(pkg + ": in no layer of ArchitectureTest.LAYERS");
    }
}
