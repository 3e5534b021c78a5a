import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.ts';
import { ApiError, call } from '../api/api-error.ts';
import { CodeBlock } from '../common/code-block.tsx';
import { describeError } from '../common/describe-error.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { FactList } from '../common/fact-list.tsx';
import { useFormatters } from '../common/format.ts';
import { HashText } from '../common/hash-text.tsx';
import { useLoaded } from '../common/use-loaded.ts';
import { SignCheckpointButton } from './sign-checkpoint-button.tsx';

/** Props of EntryProof. */
export interface EntryProofProps {
  readonly seq: number;
  readonly canSign: boolean;
  /** Told after a checkpoint was signed here, so the log's status can be read again. */
  readonly onCheckpointSigned: () => void;
}

/**
 * The RFC 9162 inclusion proof of one entry against the newest checkpoint: its leaf hash, the tree size and the
 * tlog-proof text a third party can check. An entry no checkpoint covers yet gets the reason and "Sign checkpoint now".
 */
export function EntryProof({ seq, canSign, onCheckpointSigned }: EntryProofProps) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormatters();
  const load = useCallback(() => call(api, 'audit.proof', { seq }), [api, seq]);
  const proof = useLoaded(load);
  const [signError, setSignError] = useState<unknown>(null);
  const uncovered = proof.error instanceof ApiError && proof.error.info.code === 'CONFLICT';

  return (
    <Stack spacing={2} data-testid="entry-proof">
      {proof.loading && <LinearProgress aria-label={t('common.loading')} />}
      {proof.error !== null && !proof.loading && (
        <Stack spacing={1}>
          {uncovered ? (
            <Alert
              severity="warning"
              data-testid="proof-not-covered"
              action={
                canSign ? (
                  <SignCheckpointButton
                    variant="outlined"
                    testId="proof-sign-checkpoint"
                    onError={setSignError}
                    onSigned={() => {
                      setSignError(null);
                      proof.reload();
                      onCheckpointSigned();
                    }}
                  />
                ) : undefined
              }
            >
              {describeError(t, proof.error, format)}
            </Alert>
          ) : (
            <ErrorAlert error={proof.error} testId="proof-error" />
          )}
          {signError !== null && <ErrorAlert error={signError} testId="proof-sign-error" />}
        </Stack>
      )}
      {proof.value && proof.error === null && (
        <>
          <FactList
            facts={[
              { label: t('audit.proof.leafHash'), value: <HashText value={proof.value.leafHash} testId="proof-leaf-hash" /> },
              { label: t('audit.proof.treeSize'), value: format.integer(proof.value.treeSize), testId: 'proof-tree-size' },
            ]}
          />
          <CodeBlock text={proof.value.tlogProof} label={t('audit.proof.tlogProof')} copyLabel={t('audit.proof.copy')} testId="proof-text" />
          <Alert severity="info" variant="outlined">
            {t('audit.proof.explain', { seq, size: format.integer(proof.value.treeSize) })}
          </Alert>
        </>
      )}
    </Stack>
  );
}
