/**
 * The commands ({@link org.daesweep.cli.Main} lists them): parse what the user typed, call the
 * layers below, print one-screen summaries. The top layer: nothing imports it.
 */
package org.daesweep.cli;
