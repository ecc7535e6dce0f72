/** Images: every path through Hadoop's FileSystem, IDX and image-file readers (a plug-in point), the seeded split. The bottom layer. */
package org.daesweep.data;
