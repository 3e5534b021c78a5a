import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ProceduralAdvice, StatutoryBounds } from '../../../main/contract/index.ts';
import type { TFunction } from 'i18next';
import { optionLabel, unitLabel } from './decision-text.ts';
import { StoredTextButton } from '../laws/stored-text-button.tsx';
import { useNumberText } from './number-format.ts';

/** An article's text as the code states it, kept as written (line breaks included). */
function ArticleText({ text, testId }: { readonly text: string; readonly testId: string }) {
  return (
    <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflowY: 'auto' }} data-testid={testId}>
      {text}
    </Typography>
  );
}

/** Props of BoundsPanel. */
export interface BoundsPanelProps {
  readonly bounds: StatutoryBounds;
}

type Punishment = StatutoryBounds['punishments'][number];
type Cap = StatutoryBounds['caps'][number];

/** Common fractions as the code writes them; anything else as a percentage. */
function fractionText(t: TFunction, fraction: number, number: (v: number, digits?: number) => string): string {
  const known: Array<[number, string]> = [[1 / 2, '½'], [2 / 3, '⅔'], [3 / 4, '¾'], [4 / 5, '⅘']];
  const hit = known.find(([v]) => Math.abs(v - fraction) < 1e-9);
  return hit ? hit[1] : t('decision.card.percent', { value: number(fraction * 100, 1) });
}

/** Which rule of art. 55 applies, the circumstance that triggered it, and what it does, in the interface language. */
function capText(t: TFunction, cap: Cap, caseTypeId: string, number: (v: number, digits?: number) => string): string {
  const citation = cap.item ? t('decision.citation.articlePartItem', { article: '55', part: cap.part, item: cap.item }) : t('decision.citation.articlePart', { article: '55', part: cap.part });
  const facts = cap.circumstance === 'mitigating-no-aggravating' ? cap.facts.map((f) => `${f} ${optionLabel(t, caseTypeId, 'mitigating', f)}`).join('; ') : '';
  const circumstance = t(`decision.bounds.circumstance.${cap.circumstance}`, { facts });
  const effect = t(`decision.bounds.effect.${cap.effect}`, { fraction: cap.fraction === null ? '' : fractionText(t, cap.fraction, number) });
  return t('decision.bounds.rule', { citation, circumstance, effect });
}

function PunishmentList({ punishments, testId }: { readonly punishments: readonly Punishment[]; readonly testId: string }) {
  const { t } = useTranslation();
  const number = useNumberText();
  const limit = (v: number | null) => (v === null ? '—' : number(v, 2));
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid={testId}>
      {punishments.map((p, i) => (
        <li key={i} data-testid={`${testId}-${p.type}`}>
          <Typography variant="body2">
            {t('decision.bounds.punishment', {
              type: t(`decisionSchema.kz-criminal.options.punishment.${p.type}`, { defaultValue: p.type }),
              min: limit(p.min),
              max: limit(p.max),
              unit: unitLabel(t, p.unit),
            })}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

/**
 * The article's own sanction and, separately, what art. 55 makes of it for these facts: each rule with its part,
 * the circumstance that triggered it and its effect; then the lawful range the estimate is drawn against, and the
 * text of the part.
 */
export function BoundsPanel({ bounds }: BoundsPanelProps) {
  const { t } = useTranslation();
  const number = useNumberText();
  const citation = bounds.part ? t('decision.citation.articlePart', { article: bounds.article, part: bounds.part }) : t('decision.citation.article', { article: bounds.article });
  const range = (r: StatutoryBounds['lawfulRange']) => (r ? t('decision.bounds.range', { min: number(r.min, 2), max: number(r.max, 2), unit: unitLabel(t, r.unit) }) : t('decision.bounds.noRange'));
  const changed = bounds.caps.length > 0;
  return (
    <Stack spacing={1} data-testid="bounds-panel">
      <Typography variant="subtitle1" component="h3">
        {t('decision.bounds.title', { citation })}
      </Typography>
      <Typography variant="subtitle2">{t('decision.bounds.stated', { citation })}</Typography>
      <PunishmentList punishments={bounds.stated.punishments} testId="bounds-stated" />
      <Typography variant="body2" data-testid="bounds-stated-range">
        {range(bounds.stated.lawfulRange)}
      </Typography>
      <Typography variant="subtitle2">{t('decision.bounds.after55')}</Typography>
      {changed ? (
        <>
          {bounds.caps.map((cap, i) => (
            <Typography key={i} variant="body2" data-testid={`bounds-cap-part-${cap.part}`} data-part={cap.part} data-circumstance={cap.circumstance}>
              {capText(t, cap, 'kz-criminal', number)}
            </Typography>
          ))}
          <PunishmentList punishments={bounds.punishments} testId="bounds-after" />
        </>
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="bounds-no-cap">
          {t('decision.bounds.noCap')}
        </Typography>
      )}
      {bounds.lawfulRange && (
        <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="bounds-lawful-range">
          {t('decision.bounds.lawfulRange', { min: number(bounds.lawfulRange.min, 2), max: number(bounds.lawfulRange.max, 2), unit: unitLabel(t, bounds.lawfulRange.unit) })}
        </Typography>
      )}
      <Accordion disableGutters variant="outlined">
        <AccordionSummary expandIcon={<ExpandMoreIcon />} data-testid="bounds-text-toggle">
          <Typography variant="body2">{t('decision.bounds.text', { citation })}</Typography>
        </AccordionSummary>
        <AccordionDetails>
          <ArticleText text={bounds.text} testId="bounds-text" />
          <StoredTextButton code="criminal" article={bounds.article} part={bounds.part} testId="bounds-stored-text" />
        </AccordionDetails>
      </Accordion>
    </Stack>
  );
}

/** The codes the rules cite, by the abbreviation the asset uses. */
const codeKeys: Readonly<Record<string, string>> = { 'УК РК': 'criminal', 'УПК РК': 'criminalProcedure', 'ГК РК': 'civil', 'ГПК РК': 'civilProcedure' };
/** The same codes' ids in the legal-acts store. */
const storeCodes: Readonly<Record<string, string>> = { 'УК РК': 'criminal', 'УПК РК': 'criminal-procedure', 'ГК РК': 'civil', 'ГПК РК': 'civil-procedure' };

/** A citation of a code's article (and part) in the interface language ("ҚР ҚПК 418-бабының 1-бөлігі"). */
function codeCitation(t: TFunction, c: ProceduralAdvice['citations'][number]): string {
  const key = codeKeys[c.code];
  if (!key || !c.number) return c.article;
  const code = t(`decision.codes.${key}`);
  return c.part ? t('decision.citation.codeArticlePart', { code, article: c.number, part: c.part }) : t('decision.citation.codeArticle', { code, article: c.number });
}

/** Props of AdviceList. */
export interface AdviceListProps {
  readonly advice: readonly ProceduralAdvice[];
}

/** Procedural steps that the rules find relevant to these facts, each with the articles it cites and their text. */
export function AdviceList({ advice }: AdviceListProps) {
  const { t } = useTranslation();
  if (advice.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="advice-empty">
        {t('decision.advice.none')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1.5} data-testid="advice-list">
      {advice.map((a) => (
        <Box key={a.rule} data-testid={`advice-${a.rule}`}>
          <Typography variant="subtitle2">{t(`decision.adviceRules.${a.rule}.title`, { defaultValue: a.title })}</Typography>
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {t(`decision.adviceRules.${a.rule}.text`, { defaultValue: a.text })}
          </Typography>
          {a.citations.map((c) => (
            <Accordion key={`${c.code}-${c.article}`} disableGutters variant="outlined">
              <AccordionSummary expandIcon={<ExpandMoreIcon />} data-testid={`advice-citation-${a.rule}-${c.article}`}>
                <Typography variant="body2">{codeCitation(t, c)}</Typography>
              </AccordionSummary>
              <AccordionDetails>
                <Typography variant="caption" color="text.secondary">
                  {t('decision.advice.sourceLanguage')}
                </Typography>
                <ArticleText text={c.text} testId={`advice-citation-text-${a.rule}-${c.article}`} />
                {storeCodes[c.code] && c.number && (
                  <StoredTextButton code={storeCodes[c.code]!} article={c.number} part={c.part} testId={`advice-stored-text-${a.rule}-${c.article}`} />
                )}
              </AccordionDetails>
            </Accordion>
          ))}
        </Box>
      ))}
    </Stack>
  );
}
