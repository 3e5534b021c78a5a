/**
 * Writes main/services/forensics/handwriting/reference-domain.json from the CSAFE profiles the shipped Latin model was
 * trained on (cluster_fill_rates_train.csv: each cluster's mean and spread) and checked on
 * (cluster_fill_rates_validation.csv: the largest distance among those held-out documents is the domain's limit).
 * Run: npx tsx scripts/build-handwriting-domain.ts [DATA_DIR] (default ../shared/data/handwriting/handwriterRF).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterCount, fillRates, readProfilesCsv } from '../models/handwriting/profiles.ts';
import { domainDistance, type ReferenceDomain } from '../main/services/forensics/handwriting/reference-domain.ts';

const dir = process.argv[2] ?? fileURLToPath(new URL('../../shared/data/handwriting/handwriterRF/', import.meta.url));
const trainFile = join(dir, 'cluster_fill_rates_train.csv');
const checkFile = join(dir, 'cluster_fill_rates_validation.csv');
const train = readProfilesCsv(trainFile).map((p) => Array.from(fillRates(p.counts)));
const check = readProfilesCsv(checkFile).map((p) => Array.from(fillRates(p.counts)));
const mean = Array.from({ length: clusterCount }, (_, k) => train.reduce((s, r) => s + r[k]!, 0) / train.length);
const sd = Array.from({ length: clusterCount }, (_, k) => Math.sqrt(train.reduce((s, r) => s + (r[k]! - mean[k]!) ** 2, 0) / train.length));
const distances = check.map((r) => domainDistance(r, { mean, sd })).sort((a, b) => a - b);
const at = (q: number) => distances[Math.min(distances.length - 1, Math.floor(q * distances.length))]!;
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const domain: ReferenceDomain = {
  format: 'dalel-handwriting-domain/1',
  script: 'latin',
  source: {
    file: basename(trainFile),
    sha256: createHash('sha256').update(readFileSync(trainFile)).digest('hex'),
    documents: train.length,
    checkedOn: basename(checkFile),
    checkedDocuments: check.length,
  },
  mean: mean.map(round),
  sd: sd.map(round),
  limit: round(distances[distances.length - 1]!),
  heldOut: { median: round(at(0.5)), p99: round(at(0.99)), max: round(distances[distances.length - 1]!) },
};
const out = fileURLToPath(new URL('../main/services/forensics/handwriting/reference-domain.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(domain, null, 2)}\n`);
console.log(`wrote ${out}: limit ${domain.limit.toFixed(3)} (held-out median ${domain.heldOut.median.toFixed(3)}, 99th percentile ${domain.heldOut.p99.toFixed(3)})`);
