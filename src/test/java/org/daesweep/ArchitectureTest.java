package org.daesweep;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages' layering, as the package-info files say it: each layer uses only the layers
 * below it. A wrong import fails the build here, naming the classes.
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
                    "org.daesweep.search.stop.."},
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
}
