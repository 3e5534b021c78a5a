/** The evidence kind and method ids of the handwriting module (stable ids stored with evidence, runs and findings). */

/** A scanned or photographed page of handwriting (PNG, JPEG or TIFF). */
export const handwritingPageKind = 'handwriting.page';
/** Known writing (one or more pages of one writer) against one questioned page. */
export const writerComparisonMethod = 'handwriting.writer-comparison';
/** Writer profiles of pages, without a comparison. */
export const pageProfileMethod = 'handwriting.profile';
