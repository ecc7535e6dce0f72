package org.daesweep.config;

/** A problem with one key, its message starting with the key; the loader adds the file or the command line in front. */
final class BadKey extends IllegalArgumentException {
    BadKey(String message) {
        super(message);
    }
}
