import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../main/contract/index.ts';
import { mayUse } from '../api/access.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { CasesWorkspace } from '../cases/cases-workspace.tsx';
import { ReviewQueue } from '../corpus/review-queue.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { auditSectionsFor, type AuditSectionId } from './audit-sections.ts';
import { AuditStatusStrip } from './audit-status-strip.tsx';
import { AuditTrail } from './audit-trail.tsx';
import { CheckpointHistory } from './checkpoint-history.tsx';
import { ExportDialog } from './export-dialog.tsx';
import { SigningKeyPanel } from './signing-key-panel.tsx';
import { useCaseList } from './use-case-list.ts';
import { RetentionPanel } from './retention-panel.tsx';
import { VerifyPanel } from './verify-panel.tsx';

/** Props of AuditWorkspace. */
export interface AuditWorkspaceProps {
  /** The clerk's workspace (case list first) or the administrator's audit workspace. */
  readonly workspace: 'clerk' | 'audit';
  readonly role: Role;
}

/**
 * The audit screens under one heading: the log's status and "Export" always in view, then sections for the signing
 * key, the trail, checkpoints and verification (and, for clerks, the case list). Sections stay mounted once opened,
 * so filters, an open verification report and the like survive switching between them.
 */
export function AuditWorkspace({ workspace, role }: AuditWorkspaceProps) {
  const { t } = useTranslation();
  const api = useApi();
  const sections = auditSectionsFor(role, workspace === 'clerk');
  const [current, setCurrent] = useState<AuditSectionId | undefined>(sections[0]);
  const [visited, setVisited] = useState<ReadonlySet<AuditSectionId>>(() => new Set(sections.slice(0, 1)));
  const loadStatus = useCallback(() => call(api, 'audit.status', {}), [api]);
  const status = useLoaded(loadStatus);
  const cases = useCaseList(role);
  const [exporting, setExporting] = useState(false);
  // Bumped after every action here and on every change of section: the log grows with every action anywhere on the
  // workstation, so the trail and the checkpoints read it again instead of showing it as it was.
  const [revision, setRevision] = useState(0);
  const reloadStatus = status.reload;
  const refresh = useCallback(() => {
    reloadStatus();
    setRevision((n) => n + 1);
  }, [reloadStatus]);
  const caseChoices = cases.available ? (cases.value ?? []) : null;

  const open = (section: AuditSectionId) => {
    setCurrent(section);
    setVisited((previous) => new Set(previous).add(section));
    refresh();
    cases.reload();
  };

  const panel = (section: AuditSectionId) => {
    switch (section) {
      case 'cases':
        return <CasesWorkspace workspace="clerk" role={role} embedded />;
      case 'corpusReview':
        return <ReviewQueue />;
      case 'key':
        return status.value ? <SigningKeyPanel status={status.value} role={role} onChanged={refresh} /> : null;
      case 'trail':
        return <AuditTrail role={role} cases={caseChoices} revision={revision} onStatusChanged={refresh} />;
      case 'checkpoints':
        return <CheckpointHistory role={role} revision={revision} onStatusChanged={refresh} />;
      case 'verify':
        return <VerifyPanel workstationFingerprint={status.value?.key?.fingerprint ?? null} onVerified={refresh} />;
      case 'retention':
        return <RetentionPanel revision={revision} />;
    }
  };

  return (
    <Stack spacing={2} data-testid={`${workspace}-workspace`}>
      <Box>
        <Typography variant="h4" component="h1">
          {t(`workspaces.${workspace}`)}
        </Typography>
        <Typography color="text.secondary">{t(`audit.intro.${workspace}`)}</Typography>
      </Box>
      {status.error !== null && <ErrorAlert error={status.error} testId="audit-status-error" />}
      {status.value ? (
        <AuditStatusStrip
          status={status.value}
          onShowKey={sections.includes('key') ? () => open('key') : undefined}
          onExport={mayUse(role, 'audit.export') ? () => setExporting(true) : undefined}
        />
      ) : (
        status.loading && <LinearProgress aria-label={t('common.loading')} />
      )}
      {current !== undefined && (
        <>
          <Tabs
            value={current}
            onChange={(_event, value: AuditSectionId) => open(value)}
            aria-label={t('audit.sectionsLabel')}
            // The sections wrap onto a second line on a narrow window rather than hide behind a scroll (long Kazakh
            // and Russian names); the selected one is underlined itself, as a sliding indicator cannot follow a wrap.
            sx={{
              borderBottom: 1,
              borderColor: 'divider',
              '& .MuiTabs-list, & .MuiTabs-flexContainer': { flexWrap: 'wrap' },
              '& .MuiTabs-indicator': { display: 'none' },
              '& .MuiTab-root.Mui-selected': { boxShadow: (theme) => `inset 0 -2px 0 ${theme.palette.primary.main}` },
            }}
          >
            {sections.map((id) => (
              <Tab key={id} value={id} label={t(`audit.sections.${id}`)} id={`audit-section-tab-${id}`} aria-controls={`audit-section-${id}`} data-testid={`section-${id}`} />
            ))}
          </Tabs>
          {sections
            .filter((id) => visited.has(id))
            .map((id) => (
              <Box key={id} role="tabpanel" id={`audit-section-${id}`} aria-labelledby={`audit-section-tab-${id}`} hidden={id !== current}>
                {panel(id)}
              </Box>
            ))}
        </>
      )}
      {exporting && (
        <ExportDialog cases={caseChoices} onClose={() => setExporting(false)} onExported={refresh} />
      )}
    </Stack>
  );
}
