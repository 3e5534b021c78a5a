/** Judge decision support: case types, models and their cards, consultations, bounds, precedents, advice, verdicts. */
import { z } from 'zod';
import { adminOnly, channel, empty, freeText, id, isoFilter, isoTime, judgesOnly, modelReaders, sha256Hex, verdictEnterers } from './common.ts';

/*
 * Decision support (issue 5). The model card (Mitchell et al. 2019) travels with every model: data, held-out
 * validation against a naive baseline, calibration, interval coverage, and a disparity report over protected
 * attributes that are never inputs.
 */
const rate = z.number().min(0).max(1);

/** One group of a protected attribute in the disparity report. */
export const DisparityGroupSchema = z
  .object({
    value: z.string(),
    label: z.string(),
    cases: z.number().int().nonnegative(),
    /** Regression: mean absolute error, mean signed error (predicted − actual), 80% interval coverage. */
    meanAbsoluteError: z.number().optional(),
    meanSignedError: z.number().optional(),
    coverage80: rate.optional(),
    /** Classification: accuracy, and how often each group is predicted vs actually in the positive/top class. */
    accuracy: rate.optional(),
    predictedPositiveRate: rate.optional(),
    actualPositiveRate: rate.optional(),
  })
  .strict();

/**
 * A classifier's figures on the cases it answered by the consultation's abstention rule (the rest are referred to a
 * human): their share, its accuracy on them, and the training majority class's accuracy on the same cases.
 */
export const AnsweredSchema = z.object({ share: rate, accuracy: rate, majority: rate }).strict();
/** A classifier's figures on the cases it answered. */
export type Answered = z.infer<typeof AnsweredSchema>;

/**
 * A regression's figures on the cases it answered by the consultation's abstention rule (80 % interval no wider than
 * the allowed share of the lawful range, every input within training support), its value and interval clipped to that
 * range as the judge sees them: their share, the mean absolute error, the training median's on the same cases, and the
 * 80 % interval's coverage.
 */
export const RegressionAnsweredSchema = z.object({ share: rate, meanAbsoluteError: z.number(), medianError: z.number(), coverage80: rate }).strict();
/** A regression's figures on the cases it answered. */
export type RegressionAnswered = z.infer<typeof RegressionAnsweredSchema>;

/** One fold of a rolling-origin backtest: trained on the cases before a cut, tested on the period after it. */
export const BacktestFoldSchema = z
  .object({
    /** Training cases are those with a time value before this one; test cases lie from testFrom to testTo. */
    trainedBefore: z.string(),
    testFrom: z.string(),
    testTo: z.string(),
    trainingCases: z.number().int().nonnegative(),
    testCases: z.number().int().nonnegative(),
    /** The card's own held-out test (the shipped model), not a retrained one. */
    heldOut: z.boolean(),
    regression: z
      .object({ meanAbsoluteError: z.number(), baselines: z.array(z.object({ name: z.string(), meanAbsoluteError: z.number() }).strict()), answered: RegressionAnsweredSchema.optional() })
      .strict()
      .optional(),
    classification: z
      .object({ accuracy: rate, baselines: z.array(z.object({ name: z.string(), accuracy: rate }).strict()), answered: AnsweredSchema.optional() })
      .strict()
      .optional(),
  })
  .strict();
/** One fold of a model card's backtest. */
export type BacktestFold = z.infer<typeof BacktestFoldSchema>;

/** How the model was tested on later periods: rolling-origin folds by the time field, or why none could be. */
export const BacktestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling-origin'), field: z.string(), folds: z.array(BacktestFoldSchema) }).strict(),
  /** The cases have no time order (e.g. one fiscal year split at random): only the stated random split validates. */
  z.object({ kind: z.literal('unordered'), split: z.string() }).strict(),
]);
/** A model card's backtest. */
export type Backtest = z.infer<typeof BacktestSchema>;

/** The model card. */
export const ModelCardSchema = z
  .object({
    format: z.literal('dalel-model-card/1'),
    modelSha256: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: z.string().datetime(),
    caseType: z.object({ id: z.string(), version: z.string(), sha256: z.string(), title: z.string() }).strict(),
    outcome: z.object({ name: z.string(), kind: z.enum(['regression', 'classification']), unit: z.string().optional(), classes: z.array(z.string()).optional() }).strict(),
    synthetic: z.boolean(),
    intendedUse: z.string(),
    data: z
      .object({
        file: z.string(),
        sha256: z.string(),
        description: z.string(),
        records: z.number().int(),
        cases: z.number().int(),
        dropped: z.record(z.string(), z.number().int()),
        period: z.object({ field: z.string().nullable(), from: z.string(), to: z.string() }).strict().nullable(),
      })
      .strict(),
    validation: z
      .object({
        split: z.string(),
        trainingCases: z.number().int(),
        calibrationCases: z.number().int(),
        testCases: z.number().int(),
        regression: z
          .object({
            meanAbsoluteError: z.number(),
            rootMeanSquaredError: z.number(),
            baselines: z.array(z.object({ name: z.string(), meanAbsoluteError: z.number() }).strict()),
            intervals: z
              .object({
                halfWidth80: z.number(),
                halfWidth95: z.number(),
                coverage80: rate,
                coverage95: rate,
                /** Widths calibrated per group of this input (the half-widths above are the pooled ones). */
                stratifiedBy: z.object({ field: z.string(), title: z.string(), groups: z.number().int() }).strict().optional(),
                /**
                 * Widths scaled per case by a spread fitted to the model's own inputs on `fitCases` calibration cases
                 * and calibrated on `calibrationCases` others (the half-widths above are then the pooled ones); the
                 * mean width of the 80 % interval on the test cases.
                 */
                normalised: z.object({ fitCases: z.number().int(), calibrationCases: z.number().int(), meanWidth80: z.number() }).strict().optional(),
                /** Asymmetric intervals (a spread per side): the shares of test cases below and above their 80 % interval. */
                sides: z.object({ missedBelow80: z.number(), missedAbove80: z.number() }).strict().optional(),
              })
              .strict(),
            /** Optional: cards written before these figures were computed, and models that answered no test case, have none. */
            answered: RegressionAnsweredSchema.optional(),
          })
          .strict()
          .optional(),
        classification: z
          .object({
            accuracy: rate,
            logLoss: z.number(),
            expectedCalibrationError: z.number(),
            baselines: z.array(z.object({ name: z.string(), accuracy: rate }).strict()),
            /** Optional: cards written before these figures were computed, and models that answered no test case, have none. */
            answered: AnsweredSchema.optional(),
          })
          .strict()
          .optional(),
        /** Optional: cards written before rolling-origin backtests were computed have none. */
        backtest: BacktestSchema.optional(),
      })
      .strict(),
    disparity: z.array(z.object({ attribute: z.string(), title: z.string(), groups: z.array(DisparityGroupSchema) }).strict()),
    model: z
      .object({
        kind: z.string(),
        features: z.array(z.object({ name: z.string(), kind: z.string(), bins: z.number().int() }).strict()),
        interactions: z.array(z.string()),
        bags: z.number().int(),
        rounds: z.array(z.object({ main: z.number().int(), pairs: z.number().int() }).strict()),
        trainingSeconds: z.number(),
        options: z.record(z.string(), z.number()),
      })
      .strict(),
    limitations: z.array(z.string()),
  })
  .strict();
/** The model card. */
export type ModelCard = z.infer<typeof ModelCardSchema>;

/** One fact of a case: a number, a category, a flag, a checklist, or null when unknown. */
export const FactValueSchema = z.union([z.string().max(1000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(100)]);
/** The facts of one case by field name (validated again against the model's case-type schema). */
export const FactsSchema = z.record(z.string().max(100), FactValueSchema).refine((facts) => Object.keys(facts).length <= 200, 'too many facts');

/** Where a fact of a consultation came from: typed by the judge, read from a question, or proposed from a case document (its stored text's hash). */
export const FactSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('typed') }).strict(),
  z.object({ kind: z.literal('question') }).strict(),
  z.object({ kind: z.literal('document'), evidenceId: id, textSha256: sha256Hex }).strict(),
]);
/** Where a fact came from. */
export type FactSource = z.infer<typeof FactSourceSchema>;
/** The source of each fact sent (facts without one count as typed). */
export const FactSourcesSchema = z.record(z.string().max(100), FactSourceSchema).refine((sources) => Object.keys(sources).length <= 200, 'too many fact sources');

/** Why a prediction is referred to human review. */
export const AbstentionReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('interval-too-wide'), width: z.number(), range: z.tuple([z.number(), z.number()]), limit: z.number() }),
  z.object({ code: z.literal('outside-training-range'), feature: z.string(), value: z.number(), min: z.number(), max: z.number() }),
  z.object({ code: z.literal('unseen-category'), feature: z.string(), value: z.string() }),
  z.object({ code: z.literal('unseen-missing'), feature: z.string() }),
  z.object({ code: z.literal('low-confidence'), probability: z.number(), threshold: z.number() }),
]);
/** Why a prediction is referred to human review. */
export type AbstentionReason = z.infer<typeof AbstentionReasonSchema>;

/**
 * A prediction with its exact explanation: score = intercept + Σ contributions (per score: one for regression and
 * binary models, whose score is the positive class's log-odds; one per class for multiclass models).
 */
export const DecisionOutputSchema = z.object({
  outcome: z.string(),
  kind: z.enum(['regression', 'classification']),
  unit: z.string().optional(),
  /** True when the model was trained on generated cases: the interface must say so with the prediction. */
  synthetic: z.boolean(),
  score: z.array(z.number()),
  intercept: z.array(z.number()),
  contributions: z.array(
    z.object({
      term: z.string(),
      inputs: z.array(z.object({ feature: z.string(), value: FactValueSchema })),
      values: z.array(z.number()),
      /** The term's values for the reference case: values − reference is what this fact changes. */
      reference: z.array(z.number()).optional(),
    }),
  ),
  /**
   * The case the explanation is measured from: these facts with every circumstance absent (no item ticked, no flag,
   * "none", zero counts) and the offence's own facts kept. Score − reference score = Σ (values − reference).
   */
  reference: z
    .object({
      facts: z.record(z.string(), FactValueSchema),
      /** The fields set to their absent value (the others are the case's own). */
      absent: z.array(z.string()),
      score: z.array(z.number()),
      /** Regression: the reference case's estimate; classification: its class probabilities (in class order). */
      value: z.number().optional(),
      probabilities: z.array(z.number()).optional(),
    })
    .optional(),
  /** Regression: the predicted value (the score, clipped to the outcome's bounds) and conformal intervals. */
  value: z.number().optional(),
  interval80: z.tuple([z.number(), z.number()]).optional(),
  interval95: z.tuple([z.number(), z.number()]).optional(),
  /** Classification: every class's probability, and the most probable class. */
  probabilities: z.array(z.object({ value: z.string(), label: z.string(), probability: z.number() })).optional(),
  predictedClass: z.string().optional(),
  abstention: z.object({ refer: z.boolean(), reasons: z.array(AbstentionReasonSchema) }),
});
/** A prediction with its exact explanation. */
export type DecisionOutput = z.infer<typeof DecisionOutputSchema>;

/** One model input of a case type as the facts form draws it (from the case type's JSON Schema). */
export const CaseTypeFieldSchema = z.object({
  name: z.string(),
  title: z.string(),
  type: z.enum(['string', 'number', 'integer', 'boolean', 'array']),
  kind: z.enum(['numeric', 'categorical', 'checklist']),
  nullable: z.boolean(),
  required: z.boolean(),
  /** Allowed values of an enum, or the items of a checklist; empty otherwise. */
  options: z.array(z.string()),
  minimum: z.number().nullable(),
  maximum: z.number().nullable(),
  pattern: z.string().nullable(),
  /** Labels of the options as the schema gives them (in the schema's language). */
  labels: z.record(z.string(), z.string()),
  /** Computed from earlier cases when the model is consulted (the title says how), never entered. */
  derived: z.boolean(),
});
/** One model input of a case type. */
export type CaseTypeField = z.infer<typeof CaseTypeFieldSchema>;

/** A case type as the interface needs it: its inputs (never outcomes or protected attributes) and its outcomes. */
export const CaseTypeViewSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  description: z.string(),
  sha256: sha256Hex,
  fields: z.array(CaseTypeFieldSchema),
  outcomes: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['regression', 'classification']),
      field: z.string(),
      unit: z.string().nullable(),
      classes: z.array(z.object({ value: z.string(), label: z.string() })),
      /** The classes of another outcome that this one applies to (a term applies to some punishments). */
      when: z.object({ field: z.string(), in: z.array(z.string()) }).nullable(),
    }),
  ),
});
/** A case type as the interface needs it. */
export type CaseTypeView = z.infer<typeof CaseTypeViewSchema>;

/** An installed decision model as the interface lists it. */
export const DecisionModelSchema = z.object({
  sha256: sha256Hex,
  caseType: z.string(),
  caseTypeVersion: z.string(),
  outcome: z.string(),
  synthetic: z.boolean(),
  card: ModelCardSchema,
});
/** An installed decision model. */
export type DecisionModel = z.infer<typeof DecisionModelSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Judge decision support beyond the prediction itself (issue 5).

/** A punishment of a sanction with its limits in its unit. */
const PunishmentLimitsSchema = z.object({ type: z.string(), min: z.number().nullable(), max: z.number().nullable(), unit: z.string() });

/** The lawful range for an article and part: the sanction's own, and after the rules of art. 55 that the facts trigger. */
export const StatutoryBoundsSchema = z.object({
  article: z.string(),
  part: z.string().nullable(),
  citation: z.string(),
  text: z.string(),
  /** The sanction of the article and part as the code states it (General Part limits filled in), before art. 55. */
  stated: z.object({
    punishments: z.array(PunishmentLimitsSchema),
    lawfulRange: z.object({ min: z.number(), max: z.number(), unit: z.string() }).nullable(),
  }),
  /** The punishments after art. 55 (equal to `stated` when no rule applies). */
  punishments: z.array(PunishmentLimitsSchema),
  /** The range the prediction is clipped to and drawn against, after caps (e.g. art. 55 ⅔ of the maximum). */
  lawfulRange: z.object({ min: z.number(), max: z.number(), unit: z.string() }).nullable(),
  /** Each rule of art. 55 that applies: its part (and item), the circumstance that triggered it and what it does. */
  caps: z.array(
    z.object({
      citation: z.string(),
      part: z.string(),
      item: z.string().nullable(),
      /** What triggered it: voluntary compensation, a mitigating and no aggravating circumstance, a procedural agreement. */
      circumstance: z.enum(['damage-compensated', 'mitigating-no-aggravating', 'procedural-agreement']),
      /** The facts behind the circumstance (the mitigating circumstances ticked, or the fact's name). */
      facts: z.array(z.string()),
      effect: z.enum(['no-imprisonment', 'maximum-fraction', 'below-minimum']),
      /** For 'maximum-fraction': the share of the sanction's maximum; null otherwise. */
      fraction: z.number().nullable(),
      reason: z.string(),
    }),
  ),
});
/** The lawful range for an article and part. */
export type StatutoryBounds = z.infer<typeof StatutoryBoundsSchema>;

/** One past case similar to the consulted one, with a feature-by-feature comparison. */
export const PrecedentSchema = z.object({
  caseRef: z.string(),
  distance: z.number().nonnegative(),
  outcome: z.object({ value: z.number().nullable(), class: z.string().nullable(), label: z.string() }),
  decidedAt: z.string().nullable(),
  comparison: z.array(z.object({ feature: z.string(), label: z.string(), query: FactValueSchema, precedent: FactValueSchema, same: z.boolean() })),
});
/** One similar past case. */
export type Precedent = z.infer<typeof PrecedentSchema>;

/** A procedural step suggested by a rule, each citing the article it comes from with the article's text. */
export const ProceduralAdviceSchema = z.object({
  rule: z.string(),
  title: z.string(),
  text: z.string(),
  /** `article` is the citation as the code's courts write it; `number` and `part` let the interface cite it in its language. */
  citations: z.array(z.object({ code: z.string(), article: z.string(), number: z.string().optional(), part: z.string().nullable().optional(), text: z.string() })),
});
/** A procedural step suggested by a rule. */
export type ProceduralAdvice = z.infer<typeof ProceduralAdviceSchema>;

/** A final verdict as entered by a judge or clerk, compared with the consultation before it. */
export const VerdictSchema = z.object({
  id,
  caseId: id,
  consultationSeq: z.number().int().nonnegative().nullable(),
  /** The model of that consultation (from its audit entry), null without one. */
  modelSha256: sha256Hex.nullable(),
  caseType: z.string(),
  article: z.string().nullable(),
  outcome: z.object({ value: z.number().nullable(), class: z.string().nullable() }),
  decidedAt: isoTime,
  enteredBy: z.string(),
  enteredAt: isoTime,
  discrepancy: z
    .object({
      kind: z.enum(['outside-interval', 'different-class']),
      predicted: z.object({ value: z.number().nullable(), interval: z.tuple([z.number(), z.number()]).nullable(), class: z.string().nullable() }),
    })
    .nullable(),
  /** The verdict this one corrects (an amendment), with the reason given; null for the case's first verdict. */
  amends: id.nullable(),
  amendmentReason: z.string().nullable(),
  /** The amendment that replaced this verdict; null while it is the case's final verdict. */
  supersededBy: id.nullable(),
  auditSeq: z.number().int().nonnegative(),
});
/** A final verdict. */
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * One row of the model-monitoring view (administrators): final verdicts and how many left the consultation, per
 * model, article and month; never per judge.
 */
export const DiscrepancyRowSchema = z.object({
  /** The model consulted; null for verdicts entered without a consultation. */
  modelSha256: sha256Hex.nullable(),
  caseType: z.string(),
  /** The outcome the model predicts (from the consultation), null without one. */
  outcome: z.string().nullable(),
  article: z.string(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  verdicts: z.number().int().nonnegative(),
  discrepancies: z.number().int().nonnegative(),
});
/** One row of the model-monitoring view. */
export type DiscrepancyRow = z.infer<typeof DiscrepancyRowSchema>;

/**
 * The regression unit of an award estimated as a share of the claim: the service's lawful range is in it, and the
 * judge's card reads an outcome in it as a percentage of the claim. Case types write it as their outcome's `unit`.
 */
export const shareOfClaimUnit = 'fraction of the claim';
/** The share-of-claim unit as a type (models/ may import only types from the contract). */
export type ShareOfClaimUnit = typeof shareOfClaimUnit;

/**
 * The lawful limits of an award in a contract claim, as shares of the claim: the award exceeds neither the claim nor
 * the claim less the principal paid after it was filed; where the debtor demanded a reduction of the penalty (Civil
 * Code art. 297), only the penalty part can be reduced (never the principal debt, never below nothing).
 */
export const AwardLimitsSchema = z.object({
  claimKzt: z.number(),
  penaltyKzt: z.number(),
  paidKzt: z.number(),
  /** The range the predicted share is clipped to and drawn against: 0 to the claim less what was paid. */
  lawfulRange: z.object({ min: z.number(), max: z.number(), unit: z.string() }),
  /** Art. 297, where a reduction was demanded and a penalty is claimed: the most it can take off, and what it leaves. */
  penaltyReduction: z
    .object({
      citation: z.string(),
      /** The penalty's share of the claim: the most a reduction of the penalty can take off the award. */
      penaltyShare: z.number(),
      /** The award's share if the penalty were cut to nothing and all else awarded: a reduction alone goes no lower. */
      floorShare: z.number(),
    })
    .nullable(),
});
/** The lawful limits of an award in a contract claim. */
export type AwardLimits = z.infer<typeof AwardLimitsSchema>;

/** A past consultation of a case as its audit entry records it (what the judge was shown, in short). */
export const PastConsultationSchema = z.object({
  auditSeq: z.number().int().nonnegative(),
  at: isoTime,
  consultedBy: z.string().nullable(),
  modelSha256: sha256Hex.nullable(),
  caseType: z.string(),
  outcome: z.string(),
  value: z.number().nullable(),
  interval80: z.tuple([z.number(), z.number()]).nullable(),
  predictedClass: z.string().nullable(),
  referred: z.boolean(),
});
/** A past consultation of a case. */
export type PastConsultation = z.infer<typeof PastConsultationSchema>;

/** A consultation's answer: the prediction, the model that made it, and the audit entry that records it. */
export const ConsultationSchema = DecisionOutputSchema.extend({
  model: z.object({ sha256: sha256Hex, caseType: z.string(), caseTypeVersion: z.string() }),
  auditSeq: z.number().int().nonnegative(),
  /** The lawful range (criminal case types with statutory bounds), null otherwise. */
  bounds: StatutoryBoundsSchema.nullable(),
  /** The lawful limits of an award as a share of a money claim (an outcome declaring a share-of-claim limit); absent otherwise. */
  awardLimits: AwardLimitsSchema.nullable().optional(),
  precedents: z.array(PrecedentSchema),
  advice: z.array(ProceduralAdviceSchema),
});
/** A consultation's answer. */
export type Consultation = z.infer<typeof ConsultationSchema>;

/** A verdict's outcome: a value (term, amount), a class (punishment type), or both. */
const verdictOutcome = z.object({ value: z.number().nullable(), class: z.string().max(100).nullable() }).strict();
/** What a verdict decided, the same whether it is recorded or amended. */
const verdictDecision = { article: z.string().max(20).optional(), outcome: verdictOutcome, decidedAt: isoTime };

/** Most cases one batch call may hold. */
export const maxBatchCases = 5000;

/** The decision channels: schemas and who may call each. */
export const decisionChannels = {
  'decision.models': channel(empty, z.array(DecisionModelSchema), modelReaders),
  /** The installed case types (every version), for the facts and verdict forms. */
  'decision.caseTypes': channel(empty, z.array(CaseTypeViewSchema), modelReaders),
  /** A judge's consultation: logged with the facts' hash, the model's hash and the output, every time. */
  'decision.predict': channel(
    z.object({ modelSha256: sha256Hex, facts: FactsSchema, caseId: id.optional(), factSources: FactSourcesSchema.optional() }).strict(),
    ConsultationSchema,
    judgesOnly,
  ),
  /** Many cases at once (one audit entry for the batch, with the hashes of all inputs and outputs). */
  'decision.predictBatch': channel(
    z.object({ modelSha256: sha256Hex, cases: z.array(FactsSchema).min(1).max(maxBatchCases) }).strict(),
    z.object({
      results: z.array(z.union([z.object({ ok: z.literal(true), output: DecisionOutputSchema }), z.object({ ok: z.literal(false), field: z.string(), message: z.string() })])),
      model: z.object({ sha256: sha256Hex, caseType: z.string(), caseTypeVersion: z.string() }),
      auditSeq: z.number().int().nonnegative(),
    }),
    judgesOnly,
  ),

  /** Statutory bounds for an article and part with the circumstances given (art. 55 caps). */
  'decision.bounds': channel(z.object({ caseType: z.string().max(100), facts: FactsSchema }).strict(), StatutoryBoundsSchema.nullable(), modelReaders),
  /** The past consultations of a case, oldest first (from the audit log), for a case reopened later. */
  'decision.consultations': channel(z.object({ caseId: id }).strict(), z.array(PastConsultationSchema), modelReaders),
  /**
   * The case's final verdict, entered by the judge (or a clerk where the court's setting allows); a case has one: a
   * correction is `verdicts.amend`. A discrepancy is recorded when it leaves the prediction.
   */
  'verdicts.record': channel(
    z
      .object({
        caseId: id,
        consultationSeq: z.number().int().nonnegative().optional(),
        caseType: z.string().max(100),
        ...verdictDecision,
      })
      .strict(),
    VerdictSchema,
    verdictEnterers,
  ),
  /** Corrects the final verdict: a new verdict pointing at the one it replaces, with the reason; history kept. */
  'verdicts.amend': channel(
    z
      .object({
        verdictId: id,
        reason: freeText(1000).min(1),
        ...verdictDecision,
      })
      .strict(),
    VerdictSchema,
    verdictEnterers,
  ),
  /** Verdicts of one case or all, newest first, amended ones included (marked by supersededBy). */
  'verdicts.list': channel(z.object({ caseId: id.optional() }).strict(), z.array(VerdictSchema), modelReaders),
  /** Model monitoring for administrators: final verdicts and discrepancies by model, article and month; never by judge. */
  'verdicts.dashboard': channel(
    z.object({ from: isoFilter, to: isoFilter, caseType: z.string().max(100).optional() }).strict(),
    z.array(DiscrepancyRowSchema),
    adminOnly,
  ),
} as const;
