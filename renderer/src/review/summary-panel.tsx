import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { isLanguage } from '../i18n/languages.ts';

/** Props of SummaryPanel. */
export interface SummaryPanelProps {
  readonly caseId: string;
  /** Bumped when findings change, so the summary is generated again. */
  readonly revision: string;
  readonly onSelectFinding: (findingId: string) => void;
}

/** The deterministic summary in the interface language; every number is a link that selects the finding it came from. */
export function SummaryPanel({ caseId, revision, onSelectFinding }: SummaryPanelProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const load = useCallback(() => call(api, 'summary.get', { caseId, language }).then((s) => ({ s, revision })), [api, caseId, language, revision]);
  const summary = useLoaded(load);
  const value = summary.value?.s;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="summary-panel">
      <Typography variant="h6" component="h3">
        {t('summary.heading')}
      </Typography>
      {summary.error !== null && <ErrorAlert error={summary.error} testId="summary-error" />}
      {value && (
        <Stack spacing={1}>
          {value.paragraphs.map((paragraph, i) => {
            // The last paragraph is the conclusion (the summary's `conclusion` is its text): stressed, said once.
            const isConclusion = i === value.paragraphs.length - 1;
            return (
              <div key={i}>
                <Typography variant="subtitle2">{paragraph.heading}</Typography>
                <Typography variant="body2" sx={isConclusion ? { fontWeight: 600 } : undefined} data-testid={isConclusion ? 'summary-conclusion' : undefined}>
                  {paragraph.parts.map((part, j) =>
                    'findingId' in part ? (
                      <Link
                        key={j}
                        component="button"
                        type="button"
                        variant="body2"
                        onClick={() => onSelectFinding(part.findingId)}
                        data-testid={`summary-number-${part.findingId}-${part.measurementKey}`}
                        sx={{ verticalAlign: 'baseline', fontWeight: 'inherit' }}
                      >
                        {part.text}
                      </Link>
                    ) : (
                      <span key={j}>{part.text}</span>
                    ),
                  )}
                </Typography>
              </div>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
