/**
 * dae-sweep. Packages by role, top to bottom, each using only those below it: the map with each
 * package's role is in docs/DESIGN.md, and ArchitectureTest enforces the order.
 */
package org.daesweep;
