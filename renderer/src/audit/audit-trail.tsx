import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import RefreshIcon from '@mui/icons-material/Refresh';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, Case, Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormatters } from '../common/format.ts';
import { EntryDialog } from './entry-dialog.tsx';
import { TrailFilters } from './trail-filters.tsx';
import { emptyTrailFilter, trailQueryOf, type TrailFilter } from './trail-query.ts';
import { TrailTable } from './trail-table.tsx';
import { useAuditTrail } from './use-audit-trail.ts';
import { SectionHeading } from '../common/section-heading.tsx';

/** Props of AuditTrail. */
export interface AuditTrailProps {
  readonly role: Role;
  /** The workstation's cases, or null where the role may not list them. */
  readonly cases: readonly Case[] | null;
  /** Changes whenever the log may have grown, to read the trail again. */
  readonly revision: number;
  /** Told after a checkpoint was signed from an entry's proof. */
  readonly onStatusChanged: () => void;
}

/** The trail viewer: filters, the matching entries in log order with "load more", and one entry's detail and proof. */
export function AuditTrail({ role, cases, revision, onStatusChanged }: AuditTrailProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [filter, setFilter] = useState<TrailFilter>(emptyTrailFilter);
  const query = useMemo(() => trailQueryOf(filter), [filter]);
  const trail = useAuditTrail(query, revision);
  const [open, setOpen] = useState<AuditEntryView | null>(null);
  const caseNumbers = useMemo(() => new Map((cases ?? []).map((item) => [item.id, item.number])), [cases]);
  const filtered = Object.keys(query).length > 0;

  return (
    <Paper variant="outlined" sx={{ p: 3 }} data-testid="audit-trail">
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
          <SectionHeading title={t('audit.sections.trail')} intro={t('audit.trail.intro')} />
          <Button startIcon={<RefreshIcon />} onClick={trail.reload} data-testid="trail-refresh" sx={{ flexShrink: 0 }}>
            {t('audit.refresh')}
          </Button>
        </Stack>
        <TrailFilters applied={filter} onApply={setFilter} cases={cases} />
        {trail.error !== null && <ErrorAlert error={trail.error} testId="trail-error" />}
        <Box>
          {trail.loading && <LinearProgress aria-label={t('common.loading')} />}
          <TrailTable
            entries={trail.entries}
            caseNumbers={caseNumbers}
            onOpen={setOpen}
            emptyText={trail.loading ? null : filtered ? t('audit.trail.noMatch') : t('audit.trail.empty')}
          />
        </Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary" aria-live="polite" data-testid="trail-count">
            {trail.logSize === null
              ? ''
              : t(filtered ? 'audit.trail.countFiltered' : 'audit.trail.count', { shown: format.integer(trail.entries.length), size: format.integer(trail.logSize) })}
          </Typography>
          {trail.hasMore && (
            <Button variant="outlined" startIcon={<ExpandMoreIcon />} onClick={() => void trail.loadMore()} disabled={trail.loadingMore} data-testid="trail-load-more">
              {t('audit.trail.loadMore')}
            </Button>
          )}
        </Stack>
      </Stack>
      {open && (
        <EntryDialog
          entry={open}
          caseNumber={open.caseId === null ? undefined : caseNumbers.get(open.caseId)}
          canSign={mayUse(role, 'audit.checkpoint')}
          onCheckpointSigned={onStatusChanged}
          onClose={() => setOpen(null)}
        />
      )}
    </Paper>
  );
}
