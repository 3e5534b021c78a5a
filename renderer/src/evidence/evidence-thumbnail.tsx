import Box from '@mui/material/Box';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../main/contract/index.ts';
import { useApi } from '../api/api-context.ts';
import { call } from '../api/api-error.ts';
import { FileKindIcon } from './file-kind-icon.tsx';

/** Props of EvidenceThumbnail. */
export interface EvidenceThumbnailProps {
  readonly item: Evidence;
  readonly size?: number;
}

/** The item's stored PNG thumbnail (fetched as bytes and shown through a blob URL), or its file-type icon. */
export function EvidenceThumbnail({ item, size = 64 }: EvidenceThumbnailProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!item.hasThumbnail) return;
    let live = true;
    let created: string | null = null;
    call(api, 'evidence.thumbnail', { evidenceId: item.id }).then(
      ({ png }) => {
        if (!live || !png) return;
        created = URL.createObjectURL(new Blob([png.slice()], { type: 'image/png' }));
        setUrl(created);
      },
      (error: unknown) => console.error(`[dalel] thumbnail of ${item.id} unavailable:`, error),
    );
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [api, item.id, item.hasThumbnail]);

  return (
    <Box
      sx={{
        width: size,
        height: size,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        borderRadius: 1,
        bgcolor: 'action.hover',
        overflow: 'hidden',
        flexShrink: 0,
      }}
      data-testid="evidence-thumbnail"
    >
      {url ? (
        <img src={url} alt={t('evidence.thumbnailOf', { name: item.originalName })} style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }} />
      ) : (
        <FileKindIcon kind={item.kind} />
      )}
    </Box>
  );
}
