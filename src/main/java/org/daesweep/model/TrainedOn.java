package org.daesweep.model;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;

import java.util.Map;

/**
 * What a model learned from, kept in its file so that {@code denoise} can say when inputs lie
 * outside it.
 *
 * @param patches        whether it trained on crops of larger images (photographs), not on whole images
 * @param meanIntensity  the clean training images' mean pixel on [0,1]
 * @param noiseStd       the strongest Gaussian noise it trained on, as a standard deviation on [0,1];
 *                       NaN when its training noise was not Gaussian
 * @param noise          its training noise, as the tables describe it
 */
public record TrainedOn(boolean patches, double meanIntensity, double noiseStd, String noise) {
    String render() {
        return ConfigFactory.parseMap(Map.of("patches", patches, "mean-intensity", meanIntensity, "noise", noise,
                "noise-std", Double.isNaN(noiseStd) ? -1.0 : noiseStd)).root()
                .render(ConfigRenderOptions.concise().setFormatted(true));
    }

    static TrainedOn parse(String text) {
        Config c = ConfigFactory.parseString(text);
        double std = c.getDouble("noise-std");
        return new TrainedOn(c.getBoolean("patches"), c.getDouble("mean-intensity"), std < 0 ? Double.NaN : std,
                c.getString("noise"));
    }
}
