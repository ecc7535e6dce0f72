/** JVM and native set-up: oneDNN and malloc tuning, the native memory budget, the warm-up thread, SameDiff's output filter, op timing. */
package org.daesweep.runtime;
