package org.daesweep.data;

import java.io.Serializable;
import java.util.Locale;

/** A height x width in pixels. */
public record ImageSize(int height, int width) implements Serializable {
    public ImageSize {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
    }

    /** "28x28", "64x32" (height x width) or "28" for a square. */
    public static ImageSize parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 1) {
                int side = Integer.parseInt(parts[0].trim());
                return new ImageSize(side, side);
            }
            if (parts.length == 2) {
                return new ImageSize(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("expected HEIGHTxWIDTH such as 28x28, got '" + text + "'");
    }

    @Override
    public String toString() {
        return height + "x" + width;
    }
}
