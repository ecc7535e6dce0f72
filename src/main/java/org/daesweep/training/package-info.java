/** One trial's training in plain Java (no Spark): epochs, validation, collapse detection, checkpoints, the retrain. */
package org.daesweep.training;
