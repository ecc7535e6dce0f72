/** A sweep directory: the Parquet tables and their schemas, atomic writes, the journal a resume reads. */
package org.daesweep.results;
