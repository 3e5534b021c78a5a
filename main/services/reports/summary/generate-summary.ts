/**
 * The deterministic summary of a case's findings: every sentence comes from a template (common or the module's),
 * every number is a part naming the finding and measurement it comes from, and amended or rejected findings are
 * summarised in their current reviewed state. The same findings always give the same summary.
 */
import type { Finding, Measurement } from '../../../contract/index.ts';
import { commonPhrases, enfsiStrength } from './common-phrases.ts';
import { formatModuleMeasurement, formatNumber, pluralForm } from './locale.ts';
import type { SummaryRegistry } from './registry.ts';
import { fillTemplate, mergeText, slotKeys } from './template.ts';
import { defaultFractionDigits, type ModulePhrases, type Summary, type SummaryLanguage, type SummaryModule, type SummaryParagraph, type SummaryPart } from './summary-types.ts';

const ruleSymbols: Readonly<Record<NonNullable<Measurement['threshold']>['rule'], string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** The measurement key of a likelihood ratio: a finding that carries one is concluded on the ENFSI verbal scale. */
export const likelihoodRatioKey = 'lr';

function meets(value: number, threshold: NonNullable<Measurement['threshold']>): boolean {
  switch (threshold.rule) {
    case '>=':
      return value >= threshold.value;
    case '>':
      return value > threshold.value;
    case '<=':
      return value <= threshold.value;
    case '<':
      return value < threshold.value;
  }
}

function forKind<T>(table: Readonly<Record<string, T>>, kind: string): T | undefined {
  return table[kind] ?? table['*'];
}

const text = (value: string): SummaryPart => ({ text: value });

/** Everything the generator needs about one finding in one language. */
class FindingWriter {
  readonly phrases: ModulePhrases;
  /** Whether the subject names the finding's items: set where another finding of the summary has the same subject. */
  namesItems = false;

  constructor(
    readonly finding: Finding,
    readonly module: SummaryModule,
    readonly language: SummaryLanguage,
  ) {
    this.phrases = module.phrases[language];
  }

  digits(key: string): number {
    return this.module.fractionDigits?.[key] ?? defaultFractionDigits;
  }

  measurement(key: string): Measurement | undefined {
    return this.finding.measurements.find((m) => m.key === key);
  }

  value(m: Measurement): SummaryPart {
    return { text: formatModuleMeasurement(m, this.language, this.digits(m.key), this.phrases.values), findingId: this.finding.id, measurementKey: m.key };
  }

  threshold(m: Measurement): SummaryPart {
    return { text: formatNumber(m.threshold!.value, this.language, this.digits(m.key)), findingId: this.finding.id, measurementKey: m.key };
  }

  /** A measurement's name opening a sentence: the module's label capitalised, or the raw key when it has none. */
  label(key: string): string {
    const label = this.phrases.labels[key];
    return label === undefined ? key : label.charAt(0).toLocaleUpperCase(this.language) + label.slice(1);
  }

  /** What the finding is about, as its module names it (e.g. "Known handwriting and the questioned page"). */
  baseSubject(): string {
    return forKind(this.phrases.subject, this.finding.kind) ?? this.finding.module;
  }

  /** The subject, followed by the items' file names where it alone would not tell two findings apart. */
  subject(): string {
    const base = this.baseSubject();
    if (!this.namesItems) return base;
    const inputs = this.finding.provenance.inputs;
    const names = this.finding.evidenceIds.map((id) => inputs.find((i) => i.evidenceId === id)?.name);
    return names.length > 0 && names.every((n) => n !== undefined) ? `${base} (${names.join(', ')})` : base;
  }

  /** A module template filled from this finding's measurements, or null when one of them is missing. */
  fill(template: string): SummaryPart[] | null {
    return fillTemplate(template, (slot) => {
      const [key, word] = slot.split('#') as [string, string | undefined];
      const m = this.measurement(key);
      if (!m) return null;
      if (word === undefined) return [this.value(m)];
      const forms = this.phrases.words[word];
      // A template naming a word its module does not define is a bug in the template data, not in the input.
      if (!forms) throw new Error(`Summary template of '${this.module.module}' (${this.language}) uses the undefined word '${word}'.`);
      return typeof m.value === 'number' ? [text(pluralForm(forms, m.value, this.language, this.digits(key)))] : [text(forms.other)];
    });
  }

  sentences(templates: readonly string[] | undefined): SummaryPart[][] {
    return (templates ?? []).map((t) => this.fill(t)).filter((p): p is SummaryPart[] => p !== null);
  }
}

/** Sentences joined with spaces into one run of parts. */
function join(sentences: readonly SummaryPart[][]): SummaryPart[] {
  return sentences.flatMap((s, i) => (i === 0 ? s : [text(' '), ...s]));
}

/** Fills a common template whose slots are given. */
function common(template: string, slots: Readonly<Record<string, readonly SummaryPart[]>>): SummaryPart[] {
  const parts = fillTemplate(template, (slot) => slots[slot] ?? null);
  if (!parts) throw new Error(`Common summary template '${template}' has a slot the generator does not fill.`);
  return parts;
}

/** The summary of a case's findings (all of them, amended originals included) in one language. */
export function generateSummary(findings: readonly Finding[], language: SummaryLanguage, registry: SummaryRegistry): Summary {
  const phrases = commonPhrases[language];
  const writers = findings.filter((f) => f.supersededBy === null).map((f) => new FindingWriter(f, registry.get(f.module), language));
  // Two comparisons of one kind read alike ("Known handwriting and the questioned page") unless each names its files.
  const subjects = writers.map((w) => w.baseSubject());
  writers.forEach((w, i) => (w.namesItems = subjects.indexOf(subjects[i]!) !== subjects.lastIndexOf(subjects[i]!)));
  const used = writers.filter((w) => w.finding.review?.decision !== 'rejected');
  const rejected = writers.filter((w) => w.finding.review?.decision === 'rejected');

  // Method and parameters: once per module and template set, from the first finding that uses it.
  const method: SummaryPart[][] = [];
  const seenMethods = new Set<readonly string[]>();
  for (const w of used) {
    const templates = forKind(w.phrases.method, w.finding.kind);
    if (!templates || seenMethods.has(templates)) continue;
    seenMethods.add(templates);
    method.push(...w.sentences(templates));
  }

  const measurements: SummaryPart[][] = [];
  for (const w of used) {
    const templates = forKind(w.phrases.measurements, w.finding.kind) ?? [];
    const named = new Set([...templates, ...(forKind(w.phrases.method, w.finding.kind) ?? [])].flatMap(slotKeys));
    measurements.push(common(phrases.subject, { subject: [text(w.subject())] }), ...w.sentences(templates));
    // Whatever no sentence names is still shown, by label; thresholded values appear under scores, the ratio in the conclusion.
    for (const m of w.finding.measurements) {
      if (named.has(m.key) || m.threshold || m.key === likelihoodRatioKey) continue;
      measurements.push(common(phrases.listed, { label: [text(w.label(m.key))], value: [w.value(m)] }));
    }
    const f = w.finding;
    const note =
      f.origin === 'model-edited' ? phrases.reviewAmended : f.origin === 'manual' ? phrases.manualByExpert : f.review?.decision === 'accepted' ? phrases.reviewAccepted : phrases.reviewUnreviewed;
    measurements.push([text(note)]);
  }

  const scores: SummaryPart[][] = [];
  for (const w of used) {
    const judged = w.finding.measurements.filter((m) => m.threshold && typeof m.value === 'number');
    if (judged.length === 0) continue;
    scores.push(common(phrases.subject, { subject: [text(w.subject())] }));
    for (const m of judged) {
      const verdict = meets(m.value as number, m.threshold!) ? phrases.criterionMet : phrases.criterionNotMet;
      scores.push(common(phrases.score, { label: [text(w.label(m.key))], value: [w.value(m)], rule: [text(ruleSymbols[m.threshold!.rule])], threshold: [w.threshold(m)], verdict: [text(verdict)] }));
    }
  }

  const limitations: SummaryPart[][] = [[text(phrases.limitationGeneral)]];
  const seenModules = new Set<string>();
  for (const w of used) {
    if (seenModules.has(w.finding.module)) continue;
    seenModules.add(w.finding.module);
    limitations.push(...w.phrases.limitations.map((l) => [text(l)]));
  }
  if (used.some((w) => w.finding.origin === 'model' && w.finding.review === null)) limitations.push([text(phrases.limitationUnreviewed)]);

  const conclusion: SummaryPart[][] = [];
  for (const w of used) {
    const subject = [text(w.subject())];
    const lr = w.measurement(likelihoodRatioKey);
    let sentence: SummaryPart[] | null = null;
    if (lr && typeof lr.value === 'number' && lr.value > 0) {
      // Below one the ratio supports the other proposition, with the strength of its reciprocal.
      const strength = enfsiStrength(lr.value >= 1 ? lr.value : 1 / lr.value);
      sentence = strength
        ? common(phrases.enfsi, { subject, lr: [w.value(lr)], strength: [text(phrases.enfsiStrengths[strength])], proposition: [text(lr.value > 1 ? phrases.propositionSame : phrases.propositionDifferent)] })
        : common(phrases.enfsiNeutral, { subject, lr: [w.value(lr)] });
    } else if (w.finding.conclusion !== null && w.phrases.conclusion) {
      // A module with its own scale (drug tests: presumptive results) is not written on the AFTE range.
      const own = w.phrases.conclusion;
      sentence = common(own.template, { subject, label: [text(own.labels[w.finding.conclusion] ?? w.finding.conclusion)] });
    } else if (w.finding.conclusion !== null) {
      const own = w.phrases.conclusions?.[w.finding.conclusion];
      sentence = own
        ? common(phrases.moduleConclusion, { subject, label: [text(own)] })
        : common(phrases.afte, { subject, label: [text(phrases.afteLabels[w.finding.conclusion] ?? w.finding.conclusion)] });
    }
    if (!sentence) continue;
    conclusion.push(sentence);
    if (w.finding.origin === 'model-edited') conclusion.push([text(phrases.reviewAmended)]);
  }
  if (conclusion.length === 0) conclusion.push([text(phrases.noConclusion)]);
  for (const w of rejected) conclusion.push(common(phrases.rejected, { subject: [text(w.subject())] }));

  const paragraph = (heading: string, sentences: SummaryPart[][]): SummaryParagraph => ({ heading, parts: mergeText(join(sentences)) });
  const paragraphs: SummaryParagraph[] = [];
  if (method.length) paragraphs.push(paragraph(phrases.headings.method, method));
  if (measurements.length) paragraphs.push(paragraph(phrases.headings.measurements, measurements));
  if (scores.length) paragraphs.push(paragraph(phrases.headings.scores, scores));
  paragraphs.push(paragraph(phrases.headings.limitations, limitations));
  const last = paragraph(phrases.headings.conclusion, conclusion);
  paragraphs.push(last);
  return { paragraphs, conclusion: last.parts.map((p) => p.text).join('') };
}
