import ImageIcon from '@mui/icons-material/Image';
import InsertDriveFileIcon from '@mui/icons-material/InsertDriveFile';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import ThreeDRotationIcon from '@mui/icons-material/ThreeDRotation';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { EvidenceKind } from '../../../main/contract/index.ts';

/** Props of FileKindIcon. */
export interface FileKindIconProps {
  readonly kind: EvidenceKind;
  readonly fontSize?: SvgIconProps['fontSize'];
}

/** The icon standing in for an evidence file that has no thumbnail. */
export function FileKindIcon({ kind, fontSize = 'large' }: FileKindIconProps) {
  switch (kind) {
    case 'pdf':
      return <PictureAsPdfIcon fontSize={fontSize} color="action" aria-hidden />;
    case 'x3p':
      return <ThreeDRotationIcon fontSize={fontSize} color="action" aria-hidden />;
    case 'png':
    case 'jpeg':
    case 'tiff':
      return <ImageIcon fontSize={fontSize} color="action" aria-hidden />;
    default:
      return <InsertDriveFileIcon fontSize={fontSize} color="action" aria-hidden />;
  }
}
