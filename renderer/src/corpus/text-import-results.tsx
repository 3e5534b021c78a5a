import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ReasonView } from '../../../main/contract/index.ts';
import { reasonText } from './reason-text.ts';

/** What became of one decision text sent from the screen. */
export interface TextImportOutcome {
  readonly fileName: string;
  readonly caseType: string;
  readonly outcome: 'accepted' | 'review' | 'duplicate' | 'refused';
  /** Why it waits for review. */
  readonly details: readonly ReasonView[];
  /** Why it was refused, as a translated sentence naming the file. */
  readonly refusal: string | null;
}

/** Props of TextImportResults. */
export interface TextImportResultsProps {
  readonly results: readonly TextImportOutcome[];
  readonly onClose: () => void;
}

/** Each decision text's fate: joined the corpus, waiting for a clerk (and why), already there, or refused (and why). */
export function TextImportResults({ results, onClose }: TextImportResultsProps) {
  const { t } = useTranslation();
  const refused = results.some((r) => r.outcome === 'refused');
  return (
    <Alert severity={refused ? 'warning' : 'success'} onClose={onClose} data-testid="corpus-texts-results">
      <Typography variant="subtitle2">{t('corpus.texts.results', { n: results.length })}</Typography>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {results.map((r) => (
          <li key={r.fileName} data-testid={`corpus-text-result-${r.fileName}`} data-outcome={r.outcome}>
            {r.outcome === 'refused' ? r.refusal : t(`corpus.texts.outcomes.${r.outcome}`, { file: r.fileName })}
            {r.outcome === 'review' && r.details.length > 0 && ` (${r.details.map((d) => reasonText(t, d, r.caseType)).join('; ')})`}
          </li>
        ))}
      </Box>
    </Alert>
  );
}
