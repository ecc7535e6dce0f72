/** The networks: hyperparameters, the CAE and U-Net graphs in SameDiff, recorded passes, the model file format. */
package org.daesweep.model;
