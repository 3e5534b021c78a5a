/** A colour swatch of a CIELAB (D65) colour, drawn in sRGB (clipped into the gamut), with its values as a tooltip. */
import Box from '@mui/material/Box';
import { useFormatters } from '../../common/format.ts';

const D65 = [0.95047, 1, 1.08883] as const;

function labToHex(lab: readonly [number, number, number]): string {
  const fy = (lab[0] + 16) / 116;
  const f = [fy + lab[1] / 500, fy, fy - lab[2] / 200];
  const inv = (v: number): number => (v ** 3 > 216 / 24389 ? v ** 3 : (116 * v - 16) / (24389 / 27));
  const [x, y, z] = f.map((v, i) => inv(v) * D65[i]!) as [number, number, number];
  const linear = [3.2404542 * x - 1.5371385 * y - 0.4985314 * z, -0.969266 * x + 1.8760108 * y + 0.041556 * z, 0.0556434 * x - 0.2040259 * y + 1.0572252 * z];
  const encode = (v: number): number => {
    const c = Math.min(1, Math.max(0, v));
    return Math.round((c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055) * 255);
  };
  return `#${linear.map((v) => encode(v).toString(16).padStart(2, '0')).join('')}`;
}

/** Props of Swatch. */
export interface SwatchProps {
  readonly lab: readonly [number, number, number];
  readonly label: string;
  readonly testId?: string;
}

/** One swatch. */
export function Swatch({ lab, label, testId }: SwatchProps) {
  const format = useFormatters();
  const title = `${label}: L* ${format.fixed(lab[0], 1)}; a* ${format.fixed(lab[1], 1)}; b* ${format.fixed(lab[2], 1)}`;
  return <Box title={title} aria-label={title} data-testid={testId} sx={{ width: 28, height: 28, borderRadius: 0.5, border: 1, borderColor: 'divider', bgcolor: labToHex(lab), display: 'inline-block' }} />;
}
