/** Stop conditions: when the whole search ends (wall time, epochs spent, patience). A plug-in point. */
package org.daesweep.search.stop;
