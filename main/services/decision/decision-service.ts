/**
 * Decision support for judges: finds a model by its hash, validates the facts against the model's own case-type
 * schema, runs the ONNX model, checks it against the TypeScript reference, explains the result, and appends one
 * audit entry per consultation (facts hash, model hash, output hash and summary). Advisory only: nothing here says
 * what a verdict should be, and the audit entry records that a judge saw this output.
 */
import type { Consultation, DecisionModel, DecisionOutput, FactSource } from '../../contract/index.ts';
import { sourcesOfFacts } from './fact-sources.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { DalelError } from '../errors.ts';
import type { Actor } from '../sessions.ts';
import { parseCaseType, type CaseType } from '../../../models/cases/case-type.ts';
import { explainCase, type ReferenceScores } from './explain.ts';
import { referenceFacts } from './reference-case.ts';
import { checkFacts, refuseNonInputs, validateFacts, type Facts } from '../../../models/cases/facts.ts';
import { categoryCodes, encodeFacts } from '../../../models/gam/features.ts';
import { scoreCase, scoreWidth } from '../../../models/gam/gam-model.ts';
import { listModelFolders, readModelFolder, type ModelFolder } from './model-store.ts';
import { type OnnxModel, type OnnxOutputs, openOnnxModel } from './onnx-runner.ts';
import { sha256OfJson } from '../../../core/canonical-json.ts';
import { clipToLawfulRange } from './lawful-range.ts';
import { awardLimits } from './award-limits.ts';
import { lawfulRanges } from './lawful-ranges.ts';
import { derivedSources, refuseDerivedFacts, withDerivedFacts, withDerivedFactsAll } from './derived-facts.ts';
import { PrecedentIndex, readPrecedentCorpus, type PrecedentCorpus } from './precedents.ts';
import type { ProceduralAdviceService } from './procedural-advice.ts';
import { boundsFacts, type StatutoryBoundsService } from './statutory-bounds.ts';
import type { AwardLimits, ProceduralAdvice, StatutoryBounds } from '../../contract/index.ts';

/** Largest allowed difference between the ONNX model and the TypeScript reference on any score or term. */
export const agreementTolerance = 1e-6;

/** A model ready to predict. */
interface LoadedModel {
  readonly folder: ModelFolder;
  readonly caseType: CaseType;
  readonly onnx: OnnxModel;
  readonly codes: ReturnType<typeof categoryCodes>;
  /** The training corpus as precedents, when the folder carries one. */
  readonly precedents: PrecedentIndex | null;
  /** The same corpus as stored, from which derived inputs are computed. */
  readonly corpus: PrecedentCorpus | null;
}

/** The US research case types (USSC sentencing, Supreme Court outcomes): offered only where an administrator allows. */
export const researchCaseTypes: readonly string[] = ['ussc-sentencing', 'scdb-outcome'];

/** Whether a case type is one of the research case types. */
export function isResearchCaseType(caseTypeId: string): boolean {
  return researchCaseTypes.includes(caseTypeId);
}

/** How many precedents a consultation shows. */
export const precedentCount = 5;

/** The identity of a model in answers and audit entries. */
function modelRef(loaded: LoadedModel) {
  const { model, sha256 } = loaded.folder;
  return { sha256, caseType: model.caseType.id, caseTypeVersion: model.caseType.version };
}

/** A short, integer-and-string-only summary of an output for the audit entry (audit JSON holds no fractions). */
function auditSummary(output: DecisionOutput): Record<string, string | boolean | string[]> {
  return {
    outcome: output.outcome,
    ...(output.value !== undefined ? { value: String(output.value) } : {}),
    ...(output.interval80 ? { interval80: output.interval80.map(String) } : {}),
    ...(output.predictedClass !== undefined ? { predictedClass: output.predictedClass } : {}),
    ...(output.probabilities ? { probabilities: output.probabilities.map((p) => `${p.value}:${p.probability}`) } : {}),
    referred: output.abstention.refer,
    reasons: output.abstention.reasons.map((r) => r.code),
    synthetic: output.synthetic,
  };
}

/** The decision-support service over a folder of installed models. */
export class DecisionService {
  private readonly loaded = new Map<string, Promise<LoadedModel>>();
  /** Model folders named outside the installed folder (the CLI's --model DIR), by hash. */
  private readonly registered = new Map<string, string>();

  constructor(
    readonly modelsDir: string,
    private readonly log: AuditLog,
    /** Statutory bounds for the case types whose facts name articles (kz-criminal); none: no bounds. */
    private readonly statutes: StatutoryBoundsService | null = null,
    /** Procedural rules evaluated on the facts of each consultation; none: no advice. */
    private readonly procedure: ProceduralAdviceService | null = null,
    /**
     * Whether installed models of the research case types may be consulted (the administrator's "research"
     * setting); a model folder named explicitly (the CLI's --model DIR, a researcher's own) is always allowed.
     */
    private readonly researchAllowed: () => boolean = () => true,
  ) {}

  /** Refuses an installed research model unless the setting allows research case types. */
  private refuseResearch(loaded: LoadedModel): void {
    if (!isResearchCaseType(loaded.caseType.id) || this.researchAllowed() || this.registered.has(loaded.folder.sha256)) return;
    throw new DalelError('FORBIDDEN', `${loaded.caseType.id} is a research case type; an administrator has not enabled research case types on this workstation.`, {
      reasonCode: 'research-case-type',
      caseType: loaded.caseType.id,
    });
  }

  /** The lawful range for a case type's facts (art. 55 caps applied); null when the case type has no statutes. */
  bounds(caseTypeId: string, facts: Facts): StatutoryBounds | null {
    if (!this.statutes?.book.caseTypes.includes(caseTypeId)) return null;
    const input = boundsFacts(facts);
    return input ? this.statutes.bounds(input) : null;
  }

  /**
   * The articles (with their parts) the statutes hold for a case type whose facts name articles, null for other
   * case types: decision support knows bounds, advice and training cases only for these.
   */
  knownArticles(caseTypeId: string): Array<{ article: string; title: string; parts: string[] }> | null {
    if (!this.statutes?.book.caseTypes.includes(caseTypeId)) return null;
    return Object.entries(this.statutes.book.articles).map(([article, entry]) => ({ article, title: entry.title, parts: Object.keys(entry.parts) }));
  }

  /** Refuses an article (or part) that the statutes of the case type do not hold, naming the field. */
  private refuseUnknownArticle(caseTypeId: string, facts: Facts): void {
    const known = this.knownArticles(caseTypeId);
    if (!known || facts.article === undefined || facts.article === null) return;
    const article = String(facts.article);
    const entry = known.find((k) => k.article === article);
    const list = known.map((k) => k.article).join(', ');
    if (!entry) throw new DalelError('VALIDATION', `facts: article: ${article} is not an article decision support knows (${list}).`, { field: 'article', reasonCode: 'unknown-article', article });
    if (facts.part !== undefined && facts.part !== null && !entry.parts.includes(String(facts.part))) {
      throw new DalelError('VALIDATION', `facts: part: article ${article} has no part ${String(facts.part)} (parts ${entry.parts.join(', ')}).`, { field: 'part', reasonCode: 'unknown-article-part', article, part: String(facts.part) });
    }
  }

  /**
   * Bounds for a prediction: the range in the outcome's unit, and the output clipped to it. An outcome that declares
   * its lawful limit gets that (a money claim's award: the claim less what was paid, with the penalty-reduction note);
   * otherwise criminal terms take the sanction after art. 55 from the statutes data.
   */
  private withBounds(loaded: LoadedModel, facts: Facts, output: DecisionOutput): { output: DecisionOutput; bounds: StatutoryBounds | null; awardLimits?: AwardLimits | null } {
    const outcome = loaded.folder.model.outcome;
    const limit = loaded.caseType.lawfulLimits[outcome.name];
    if (limit?.kind === 'share-of-claim' && outcome.kind === 'regression') {
      const limits = awardLimits(limit, facts);
      return { output: limits ? clipToLawfulRange(output, limits.lawfulRange, outcome.abstention.maxIntervalWidthFraction) : output, bounds: null, awardLimits: limits };
    }
    const bounds = this.bounds(loaded.caseType.id, facts);
    if (!bounds || outcome.kind !== 'regression') return { output, bounds };
    const range = lawfulRanges(loaded.caseType, outcome, this.statutes)?.(facts);
    if (!range) return { output, bounds };
    return { output: clipToLawfulRange(output, range, outcome.abstention.maxIntervalWidthFraction), bounds: { ...bounds, lawfulRange: range } };
  }

  /** The installed models (and registered folders) with their cards; unreadable folders are skipped with a warning. */
  models(): DecisionModel[] {
    const folders = [...listModelFolders(this.modelsDir), ...[...this.registered.values()].map((dir) => ({ folder: readModelFolder(dir) }))];
    const seen = new Set<string>();
    return folders.flatMap((entry) => {
      if (!('folder' in entry)) {
        console.warn(`[dalel] skipping model folder ${entry.dir}: ${entry.error.message}`);
        return [];
      }
      const { folder } = entry;
      if (seen.has(folder.sha256)) return [];
      seen.add(folder.sha256);
      const { model, card } = folder;
      return [{ sha256: folder.sha256, caseType: model.caseType.id, caseTypeVersion: model.caseType.version, outcome: model.outcome.name, synthetic: model.synthetic, card }];
    });
  }

  /** Makes a model folder outside the installed folder available (by its hash) to this process. */
  register(dir: string): ModelFolder {
    const folder = readModelFolder(dir);
    this.registered.set(folder.sha256, dir);
    return folder;
  }

  private load(sha256: string): Promise<LoadedModel> {
    let pending = this.loaded.get(sha256);
    if (!pending) {
      pending = this.open(sha256);
      this.loaded.set(sha256, pending);
      // A failed load is not cached: the folder may be fixed or installed a moment later.
      pending.catch(() => this.loaded.delete(sha256));
    }
    return pending;
  }

  /** The folder of a registered or installed model, read and checked. */
  folder(sha256: string): ModelFolder {
    const dir = this.registered.get(sha256) ?? this.findInstalled(sha256);
    const folder = readModelFolder(dir);
    if (folder.sha256 !== sha256) throw new DalelError('CONFLICT', `The model in ${dir} changed while it was being opened.`);
    return folder;
  }

  private async open(sha256: string): Promise<LoadedModel> {
    const folder = this.folder(sha256);
    const caseType = parseCaseType(folder.model.schema, `${folder.dir}/model.json`);
    const onnx = await openOnnxModel(folder.onnx, folder.model.features.length);
    const codes = categoryCodes(folder.model.features);
    const corpus = readPrecedentCorpus(folder.dir);
    if (corpus && corpus.caseType !== caseType.id) throw new DalelError('BAD_INPUT', `${folder.dir}: its precedents are ${corpus.caseType} cases, not ${caseType.id}.`, { file: folder.dir, reasonCode: 'invalid-model' });
    const precedents = corpus ? new PrecedentIndex(folder.model.features, corpus.cases, codes) : null;
    return { folder, caseType, onnx, codes, precedents, corpus };
  }

  private findInstalled(sha256: string): string {
    for (const entry of listModelFolders(this.modelsDir)) if ('folder' in entry && entry.folder.sha256 === sha256) return entry.folder.dir;
    throw new DalelError('NOT_FOUND', `No installed model has hash ${sha256.slice(0, 12)}…; install it under ${this.modelsDir}.`, { modelSha256: sha256 });
  }

  /** Runs encoded cases through ONNX and refuses the answer unless it matches the TypeScript reference. */
  private async run(loaded: LoadedModel, rows: readonly Float64Array[]): Promise<OnnxOutputs> {
    const F = loaded.folder.model.features.length;
    const features = new Float64Array(rows.length * F);
    rows.forEach((x, i) => features.set(x, i * F));
    const out = await loaded.onnx.run(features, rows.length);
    const K = scoreWidth(loaded.folder.model);
    const T = loaded.folder.model.terms.length;
    rows.forEach((x, i) => {
      const reference = scoreCase(loaded.folder.model, x);
      const off = (a: ArrayLike<number>, b: ArrayLike<number>, at: number) => Array.from(a).some((v, j) => !(Math.abs(v - b[at + j]!) <= agreementTolerance));
      if (off(reference.score, out.score, i * K) || off(reference.terms, out.terms, i * T * K)) {
        // Explanations are exact only if both evaluations agree; a disagreement is a bug, never a prediction.
        throw new DalelError('INTERNAL', `Model ${loaded.folder.sha256.slice(0, 12)}…: ONNX and the reference disagree by more than ${agreementTolerance}.`);
      }
    });
    return out;
  }

  private explain(loaded: LoadedModel, facts: Facts, x: Float64Array, out: OnnxOutputs, i: number): DecisionOutput {
    const K = scoreWidth(loaded.folder.model);
    const T = loaded.folder.model.terms.length;
    const terms = out.terms.subarray(i * T * K, (i + 1) * T * K);
    // The score shown is the intercept plus the terms, so the explanation adds up exactly; ONNX's own aggregated score
    // sums in another order and agrees with it only to rounding (checked in run()).
    const score = Float64Array.from(loaded.folder.model.intercept.slice(0, K), (b, k) => {
      let sum = b;
      for (let t = 0; t < T; t++) sum += terms[t * K + k]!;
      return sum;
    });
    return explainCase(loaded.folder.model, facts, x, { score, terms }, this.reference(loaded, facts));
  }

  /**
   * The reference case's scores, by the TypeScript reference (which ONNX is checked against on every run); its score
   * is its intercept plus its terms in the same order, so score − reference score = Σ (term − reference term).
   */
  private reference(loaded: LoadedModel, facts: Facts): ReferenceScores {
    const reference = referenceFacts(loaded.caseType, facts);
    const scored = scoreCase(loaded.folder.model, encodeFacts(loaded.folder.model.features, reference.facts, loaded.codes));
    const K = scoreWidth(loaded.folder.model);
    const T = loaded.folder.model.terms.length;
    const score = Float64Array.from(loaded.folder.model.intercept.slice(0, K), (b, k) => {
      let sum = b;
      for (let t = 0; t < T; t++) sum += scored.terms[t * K + k]!;
      return sum;
    });
    return { facts: reference.facts, absent: reference.absent, scores: { score, terms: scored.terms } };
  }

  /** The nearest past cases of the model's corpus, labelled with the case type's field titles. */
  private precedents(loaded: LoadedModel, facts: Facts, x: Float64Array) {
    if (!loaded.precedents) return [];
    const titles = new Map(loaded.caseType.fields.map((f) => [f.name, f.title]));
    return loaded.precedents.nearest(x, facts, precedentCount, (field) => titles.get(field) ?? field);
  }

  /** One consultation: validates, predicts, explains, logs. */
  async predict(sha256: string, rawFacts: Readonly<Record<string, unknown>>, actor: Actor, caseId?: string, sources: Readonly<Record<string, FactSource>> = {}): Promise<Consultation> {
    const loaded = await this.load(sha256);
    this.refuseResearch(loaded);
    refuseNonInputs(loaded.caseType, rawFacts);
    refuseDerivedFacts(loaded.caseType, rawFacts);
    const derived = withDerivedFacts(loaded.caseType, loaded.folder.model.outcome, loaded.corpus, validateFacts(loaded.caseType, rawFacts));
    const facts = derived.facts;
    // The audit entry says which inputs were computed, and for which term, rather than typed.
    const factSources = { ...sourcesOfFacts(facts, sources), ...derivedSources(loaded.caseType, derived.asOf) };
    this.refuseUnknownArticle(loaded.caseType.id, facts);
    const x = encodeFacts(loaded.folder.model.features, facts, loaded.codes);
    const { output, bounds, awardLimits: limits } = this.withBounds(loaded, facts, this.explain(loaded, facts, x, await this.run(loaded, [x]), 0));
    const precedents = this.precedents(loaded, facts, x);
    const advice: ProceduralAdvice[] = this.procedure?.advise(loaded.caseType.id, facts) ?? [];
    // The output hash covers all the judge is shown: prediction, bounds, precedents and advice.
    const shown = { ...output, bounds, ...(limits !== undefined ? { awardLimits: limits } : {}), precedents, advice };
    const model = modelRef(loaded);
    const auditSeq = this.log.append({
      action: 'decision.consulted',
      actor,
      subjects: { ...(caseId ? { caseId } : {}), modelSha256: sha256 },
      inputs: { facts: sha256OfJson(facts) },
      outputs: { prediction: sha256OfJson(shown) },
      algorithm: { name: 'dalel-gam', version: loaded.folder.model.format, modelSha256: sha256 },
      details: {
        caseType: model.caseType,
        caseTypeVersion: model.caseTypeVersion,
        ...auditSummary(output),
        ...(bounds?.lawfulRange ? { lawfulRange: [String(bounds.lawfulRange.min), String(bounds.lawfulRange.max)], lawfulUnit: bounds.lawfulRange.unit } : {}),
        ...(limits ? { lawfulRange: [String(limits.lawfulRange.min), String(limits.lawfulRange.max)], lawfulUnit: limits.lawfulRange.unit, penaltyReduction: limits.penaltyReduction !== null } : {}),
        precedents: precedents.map((p) => p.caseRef),
        advice: advice.map((a) => a.rule),
        factSources,
      },
    });
    return { ...shown, model, auditSeq };
  }

  /** Many cases at once: each validated on its own (a bad row is reported, not fatal); one audit entry. */
  async predictBatch(sha256: string, cases: ReadonlyArray<Readonly<Record<string, unknown>>>, actor: Actor) {
    const loaded = await this.load(sha256);
    this.refuseResearch(loaded);
    const read = cases.map((raw) => {
      try {
        refuseNonInputs(loaded.caseType, raw);
        refuseDerivedFacts(loaded.caseType, raw);
      } catch (error) {
        return { ok: false as const, field: (error as DalelError).params.field as string, message: (error as Error).message };
      }
      const result = checkFacts(loaded.caseType, raw);
      if (!result.ok) return { ok: false as const, ...result.problem };
      try {
        this.refuseUnknownArticle(loaded.caseType.id, result.facts);
      } catch (error) {
        return { ok: false as const, field: (error as DalelError).params.field as string, message: (error as Error).message };
      }
      return { ok: true as const, facts: result.facts };
    });
    // Derived inputs for the whole batch in one pass over the training cases.
    const valid = withDerivedFactsAll(loaded.caseType, loaded.folder.model.outcome, loaded.corpus, read.flatMap((c) => (c.ok ? [c.facts] : []))).facts;
    let derivedAt = 0;
    const checked = read.map((c) => (c.ok ? { ...c, facts: valid[derivedAt++]! } : c));
    const encoded = valid.map((facts) => encodeFacts(loaded.folder.model.features, facts, loaded.codes));
    const out = encoded.length > 0 ? await this.run(loaded, encoded) : null;
    let next = 0;
    const results = checked.map((c) => {
      if (!c.ok) return { ok: false as const, field: c.field, message: c.message };
      const i = next;
      next += 1;
      return { ok: true as const, output: this.withBounds(loaded, c.facts, this.explain(loaded, c.facts, encoded[i]!, out!, i)).output };
    });
    const model = modelRef(loaded);
    const auditSeq = this.log.append({
      action: 'decision.consulted-batch',
      actor,
      subjects: { modelSha256: sha256 },
      inputs: { cases: sha256OfJson(checked.map((c) => (c.ok ? c.facts : null))) },
      outputs: { results: sha256OfJson(results) },
      algorithm: { name: 'dalel-gam', version: loaded.folder.model.format, modelSha256: sha256 },
      details: {
        caseType: model.caseType,
        caseTypeVersion: model.caseTypeVersion,
        cases: cases.length,
        refused: results.filter((r) => !r.ok).length,
        referred: results.filter((r) => r.ok && r.output.abstention.refer).length,
      },
    });
    return { results, model, auditSeq };
  }

  /** Releases the ONNX sessions. */
  async close(): Promise<void> {
    const all = [...this.loaded.values()];
    this.loaded.clear();
    for (const pending of all) {
      try {
        await (await pending).onnx.close();
      } catch {
        // a model that failed to open has no session to release
      }
    }
  }
}
