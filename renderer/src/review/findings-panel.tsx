import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { namesOf } from '../evidence/use-evidence-names.ts';
import { useHotkeys } from '../viewer/use-hotkeys.ts';
import { evidenceLine } from '../forensics/registry.ts';
import { FindingRow } from './finding-row.tsx';
import { useMeasurementDigits } from './measurement-digits.ts';
import { ReviewDialog } from './review-dialog.tsx';
import { panelOrder } from './use-case-review.ts';

/** A group of findings under a caption (the run shown, the rest of the case), named for assistive technology. */
function FindingGroup({ caption, testId, children }: { caption: string; testId: string; children: ReactNode }) {
  const captionId = useId();
  return (
    <Stack spacing={1} role="group" aria-labelledby={captionId} data-testid={testId}>
      <Typography variant="overline" color="text.secondary" id={captionId}>
        {caption}
      </Typography>
      {children}
    </Stack>
  );
}

/** Props of FindingsPanel. */
export interface FindingsPanelProps {
  readonly findings: readonly Finding[];
  readonly role: Role;
  /** False once the case is signed: decisions are then closed. */
  readonly open: boolean;
  readonly selectedId: string | null;
  readonly onSelect: (findingId: string) => void;
  readonly onChanged: () => void;
  /** The case's evidence file names by id (useEvidenceNames), for the line naming each finding's items. */
  readonly evidenceNames: ReadonlyMap<string, string>;
  /** The run open in the viewer beside the panel: its findings come first, the case's others after a heading. */
  readonly runId?: string | null;
}

/**
 * The findings of a case, one row each (amendments shown with the original they replace), with accept / reject /
 * amend by button or shortcut (A, R, E; J/K or arrows move between findings).
 */
export function FindingsPanel({ findings, role, open, selectedId, onSelect, onChanged, evidenceNames, runId = null }: FindingsPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const digits = useMeasurementDigits();
  const [dialog, setDialog] = useState<{ finding: Finding; decision: 'rejected' | 'amended' } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { ofRun, others } = panelOrder(findings, runId);
  const rows = [...ofRun, ...others];
  const byId = new Map(findings.map((f) => [f.id, f]));
  const canReview = open && mayUse(role, 'findings.review');
  const selected = rows.find((f) => f.id === selectedId) ?? null;

  const accept = async (finding: Finding) => {
    setBusy(true);
    setError(null);
    try {
      await call(api, 'findings.review', { findingId: finding.id, decision: 'accepted' });
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const step = (delta: number) => {
    if (rows.length === 0) return;
    const index = selected ? rows.indexOf(selected) : -1;
    const next = index < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + delta));
    onSelect(rows[next]!.id);
  };
  useHotkeys({
    'finding.next': () => step(1),
    'finding.previous': () => step(-1),
    ...(canReview && selected && !busy
      ? {
          'finding.accept': () => void accept(selected),
          'finding.reject': () => setDialog({ finding: selected, decision: 'rejected' }),
          'finding.amend': () => setDialog({ finding: selected, decision: 'amended' }),
        }
      : {}),
  });

  const itemsOf = (finding: Finding) => {
    const itemNames = namesOf(evidenceNames, finding.evidenceIds);
    return itemNames ? evidenceLine(finding.module, itemNames, t) : null;
  };
  const row = (finding: Finding) => (
    <FindingRow
      key={finding.id}
      finding={finding}
      original={finding.supersedes ? (byId.get(finding.supersedes) ?? null) : null}
      selected={finding.id === selectedId}
      digits={digits}
      items={itemsOf(finding)}
      onSelect={() => onSelect(finding.id)}
      actions={
        canReview
          ? {
              accept: () => void accept(finding),
              reject: () => setDialog({ finding, decision: 'rejected' }),
              amend: () => setDialog({ finding, decision: 'amended' }),
            }
          : null
      }
    />
  );

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="findings-panel">
      <Typography variant="h6" component="h3">
        {t('findings.heading')}
      </Typography>
      {busy && <LinearProgress aria-label={t('common.loading')} />}
      {error !== null && <ErrorAlert error={error} testId="findings-error" />}
      {rows.length === 0 ? (
        <Typography color="text.secondary" data-testid="findings-empty">
          {t('findings.empty')}
        </Typography>
      ) : (
        <Stack spacing={1} role="listbox" aria-label={t('findings.heading')}>
          {ofRun.length === 0 ? (
            others.map(row)
          ) : (
            <>
              <FindingGroup caption={t('findings.ofRun')} testId="findings-of-run">
                {ofRun.map(row)}
              </FindingGroup>
              {others.length > 0 && (
                <FindingGroup caption={t('findings.others')} testId="findings-others">
                  {others.map(row)}
                </FindingGroup>
              )}
            </>
          )}
        </Stack>
      )}
      {dialog && (
        <ReviewDialog
          finding={dialog.finding}
          decision={dialog.decision}
          digits={digits}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
