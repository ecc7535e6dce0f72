/** The search space: hyperparameters with their domains (a value, a choice, an int or real range), the axes a model of the space works on, and a Parzen density over them. */
package org.daesweep.search.space;
