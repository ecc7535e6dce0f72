package org.daesweep.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The network architectures a trial can train ({@code trial.model}): the one list of them. */
public enum Architecture {
    CAE("cae", new CaeBlueprint()),
    UNET("unet", new UNetBlueprint());

    private final String label;
    private final Blueprint blueprint;

    Architecture(String label, Blueprint blueprint) {
        this.label = label;
        this.blueprint = blueprint;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Architecture::label).toList();
    }

    public static Optional<Architecture> byLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
    }

    /** Its name in sweep files, tables and model files. */
    public String label() {
        return label;
    }

    Blueprint blueprint() {
        return blueprint;
    }

    @Override
    public String toString() {
        return label;
    }
}
