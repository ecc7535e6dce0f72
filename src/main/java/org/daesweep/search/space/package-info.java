/** The search space: hyperparameters with their domains (a value, a choice, an int or real range). */
package org.daesweep.search.space;
