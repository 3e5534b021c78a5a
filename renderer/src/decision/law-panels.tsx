import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ProceduralAdvice, StatutoryBounds } from '../../../main/contract/index.ts';
import { unitLabel } from './decision-text.ts';
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

/** The sanctions of the article and part, the caps that apply (art. 55), the resulting lawful range and the text. */
export function BoundsPanel({ bounds }: BoundsPanelProps) {
  const { t } = useTranslation();
  const number = useNumberText();
  const limit = (v: number | null) => (v === null ? '—' : number(v, 2));
  return (
    <Stack spacing={1} data-testid="bounds-panel">
      <Typography variant="subtitle1" component="h3">
        {t('decision.bounds.title', { citation: bounds.citation })}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {bounds.punishments.map((p, i) => (
          <li key={i}>
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
      {bounds.caps.map((cap, i) => (
        <Typography key={i} variant="body2" data-testid="bounds-cap">
          {t('decision.bounds.cap', { citation: cap.citation, fraction: number(cap.fraction, 3), reason: cap.reason })}
        </Typography>
      ))}
      {bounds.lawfulRange && (
        <Typography variant="body2" data-testid="bounds-lawful-range">
          {t('decision.bounds.lawfulRange', { min: number(bounds.lawfulRange.min, 2), max: number(bounds.lawfulRange.max, 2), unit: unitLabel(t, bounds.lawfulRange.unit) })}
        </Typography>
      )}
      <Accordion disableGutters variant="outlined">
        <AccordionSummary expandIcon={<ExpandMoreIcon />} data-testid="bounds-text-toggle">
          <Typography variant="body2">{t('decision.bounds.text', { citation: bounds.citation })}</Typography>
        </AccordionSummary>
        <AccordionDetails>
          <ArticleText text={bounds.text} testId="bounds-text" />
        </AccordionDetails>
      </Accordion>
    </Stack>
  );
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
          <Typography variant="subtitle2">{a.title}</Typography>
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {a.text}
          </Typography>
          {a.citations.map((c) => (
            <Accordion key={`${c.code}-${c.article}`} disableGutters variant="outlined">
              <AccordionSummary expandIcon={<ExpandMoreIcon />} data-testid={`advice-citation-${a.rule}-${c.article}`}>
                <Typography variant="body2">{t('decision.advice.citation', { code: c.code, article: c.article })}</Typography>
              </AccordionSummary>
              <AccordionDetails>
                <ArticleText text={c.text} testId={`advice-citation-text-${a.rule}-${c.article}`} />
              </AccordionDetails>
            </Accordion>
          ))}
        </Box>
      ))}
    </Stack>
  );
}
