/** A sweep file (HOCON) read and checked once into an immutable {@link org.daesweep.config.SweepConfig}. */
package org.daesweep.config;
