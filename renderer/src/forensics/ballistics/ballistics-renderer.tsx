/**
 * The ballistics module's part of the interface: the bullet comparison asks how the picked lands split in two, and
 * shows its signatures and land pairs below the viewer's panes.
 */
import { methodTextField } from '../method-text-field.tsx';
import type { RendererModule } from '../renderer-module.ts';
import { BulletPanels } from './bullet-panels.tsx';

/** How many of the picked lands are bullet A's (the rest are B's). */
const BulletSplitField = methodTextField({
  label: 'analysis.bulletASize',
  hint: 'analysis.bulletASizeHint',
  testId: 'compare-bullet-a-size',
  numeric: true,
  // The split is by pick order, so the expert sees which files each bullet gets before starting.
  describe: (value, items, t) => {
    const size = Number(value);
    const names = (from: number, to?: number) => items.slice(from, to).map((item) => item.originalName).join(', ');
    return t('analysis.bulletSplit', { a: names(0, size), b: names(size) });
  },
});

/** Ballistics in the interface. */
/** The AFTE range of conclusions, as far as the methods state them (elimination only by an expert's amendment). */
const afte = ['identification', 'inconclusive', 'elimination'] as const;

export const ballisticsRenderer: RendererModule = {
  id: 'ballistics',
  conclusions: { 'cmc-comparison': afte, 'bullet-pair': afte, 'land-pair': afte },
  methodFields: {
    'ballistics.bullet': {
      initial: (items) => String(Math.max(1, Math.floor(items.length / 2))),
      problem: (value, items, t) => {
        const size = Number(value);
        return Number.isInteger(size) && size >= 1 && size < items.length ? null : t('analysis.splitInvalid', { max: items.length - 1 });
      },
      options: (value) => ({ bulletASize: Number(value) }),
      Fields: BulletSplitField,
    },
  },
  viewerPanels: { bullet: BulletPanels },
};
