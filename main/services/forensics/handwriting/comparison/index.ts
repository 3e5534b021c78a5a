/** The handwriting comparison service: writer profiles → score → bounded SLR, and the installed sets. */
export { compareWriterProfiles, comparisonVersion, type ClusterComparison, type CompareOptions, type ComparisonAbstentionReason, type WriterComparison } from './compare.ts';
export { handwritingSetFor, installedHandwritingSets, labHandwritingSetsDir, listHandwritingSets, readHandwritingSet, shippedHandwritingSetsDir, type HandwritingSet, type HandwritingSetListing } from './set-store.ts';
export { scoreProfilePairs, type ScoredPair } from './batch.ts';
