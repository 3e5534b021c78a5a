import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '../../../main/contract/index.ts';
import { CopyableText } from '../common/copyable-text.tsx';
import { FactList, type Fact } from '../common/fact-list.tsx';
import { useFormatters } from '../common/format.ts';
import { HashText } from '../common/hash-text.tsx';
import { KeyStateChip } from './key-state-chip.tsx';

/** Props of KeyFacts. */
export interface KeyFactsProps {
  readonly status: AuditStatus;
  /** Prefix of the values' data-testids, so the facts can appear twice on a screen (panel and info dialog). */
  readonly testIdPrefix: string;
}

/**
 * What a reader of an exported bundle compares against the workstation: the log's origin and size, and the signing
 * key's full SHA-256 fingerprint, id and note verifier key, with how it is sealed and whether it is open now.
 */
export function KeyFacts({ status, testIdPrefix }: KeyFactsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const latest = status.latestCheckpoint;
  const facts: Fact[] = [
    { label: t('audit.origin'), value: <Explained help={t('audit.originHelp')}><CopyableText value={status.origin} testId={`${testIdPrefix}-origin`} /></Explained> },
    { label: t('audit.entryCount'), value: format.integer(status.size), testId: `${testIdPrefix}-size` },
    { label: t('audit.keyStateLabel'), value: <KeyStateChip status={status} testId={`${testIdPrefix}-state`} /> },
  ];
  if (status.key) {
    facts.push(
      { label: t('audit.fingerprint'), value: <HashText value={status.key.fingerprint} testId={`${testIdPrefix}-fingerprint`} /> },
      { label: t('audit.keyId'), value: <CopyableText value={status.key.keyId} testId={`${testIdPrefix}-key-id`} /> },
      { label: t('audit.verifierKey'), value: <Explained help={t('audit.verifierKeyHelp')}><CopyableText value={status.key.verifierKey} testId={`${testIdPrefix}-verifier-key`} /></Explained> },
      { label: t('audit.keyCreated'), value: format.dateTime(status.key.createdAt) },
    );
  }
  if (status.keySealer) {
    facts.push({ label: t('audit.sealedBy'), value: t(`audit.sealers.${status.keySealer}`, { defaultValue: status.keySealer }) });
  }
  facts.push({
    label: t('audit.latestCheckpoint'),
    value: latest
      ? t('audit.checkpointSummary', { id: latest.id, size: format.integer(latest.size), at: format.dateTime(latest.createdAt) })
      : t('audit.noCheckpoint'),
    testId: `${testIdPrefix}-latest-checkpoint`,
  });
  return <FactList facts={facts} />;
}

/** A value with one plain sentence under it saying what it is for. */
function Explained({ help, children }: { readonly help: string; readonly children: ReactNode }) {
  return (
    <Stack spacing={0.5} sx={{ minWidth: 0 }}>
      {children}
      <Typography variant="caption" color="text.secondary">
        {help}
      </Typography>
    </Stack>
  );
}
