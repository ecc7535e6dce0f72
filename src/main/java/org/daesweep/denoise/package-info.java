/**
 * Applying a trained model to a user's images: any size and colour, IDX files, image files and
 * folders on any Hadoop file system, streamed in shares that run here or as Spark tasks.
 */
package org.daesweep.denoise;
