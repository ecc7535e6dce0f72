/** Schedulers: how far each trial trains before it is judged, and which continue (full budget, ASHA, successive halving). A plug-in point. */
package org.daesweep.search.scheduler;
