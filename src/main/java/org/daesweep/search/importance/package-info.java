/** Which hyperparameters mattered in a sweep (PED-ANOVA), for the importance table and the report. */
package org.daesweep.search.importance;
