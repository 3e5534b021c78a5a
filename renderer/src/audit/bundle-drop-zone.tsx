import { useTranslation } from 'react-i18next';
import { FileDropZone } from '../common/file-drop-zone.tsx';

/** Props of BundleDropZone. */
export interface BundleDropZoneProps {
  readonly onFile: (file: File) => void;
  readonly busy: boolean;
}

/** Where an audit bundle (.zip) is given for verification: a file picker button, and a drop zone around it. */
export function BundleDropZone({ onFile, busy }: BundleDropZoneProps) {
  const { t } = useTranslation();
  return (
    <FileDropZone
      onFiles={(files) => onFile(files[0]!)}
      busy={busy}
      multiple={false}
      accept=".zip,application/zip"
      zoneLabel={t('audit.verify.zoneLabel')}
      buttonLabel={t('audit.verify.choose')}
      hint={t('audit.verify.dropHint')}
      testIds={{ zone: 'verify-drop-zone', button: 'verify-choose', input: 'verify-file-input' }}
    />
  );
}
