/**
 * The drug-test module's part of the interface: the spot plate asks which reagent is in which well, the cassette its
 * panel description; their results show swatches, candidates and strip profiles below the viewer.
 */
import { methodTextField } from '../method-text-field.tsx';
import type { RendererModule } from '../renderer-module.ts';
import { SpotPanel } from './spot-panel.tsx';
import { StripPanel } from './strip-panel.tsx';
import { DrugsRunViewer } from './drugs-run-viewer.tsx';
import { PadPanel } from './pad-panel.tsx';

const spotMethodId = ['drugs', 'spot'].join('.');
const stripMethodId = ['drugs', 'strip'].join('.');
const padMethodId = ['drugs', 'pad'].join('.');
const assignment = /^\s*[A-Za-z]\d{1,2}\s*=\s*[^,:=]+?(\s*:\s*blank)?\s*$/i;

const ReagentsField = methodTextField({ label: 'drugs.reagentsLabel', hint: 'drugs.reagentsHint', testId: 'compare-drugs-reagents' });
const PanelField = methodTextField({ label: 'drugs.panelLabel', hint: 'drugs.panelHint', testId: 'compare-drugs-panel', minRows: 3 });

function parsedPanel(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/** Drug tests in the interface. */
export const drugsRenderer: RendererModule = {
  id: 'drugs',
  // Presumptive scales: a colour test suggests or excludes, a strip screens, a PAD card suggests or abstains.
  conclusions: {
    'spot-sample': ['consistent-with', 'no-reaction', 'mixture-possible', 'unexplained'],
    'strip-panel': ['positive', 'negative', 'invalid'],
    'pad-card': ['consistent-with', 'abstains'],
  },
  methodFields: {
    [spotMethodId]: {
      initial: () => '',
      problem: (value, _items, t) => (value.split(',').filter((s) => s.trim() !== '').length > 0 && value.split(',').filter((s) => s.trim() !== '').every((s) => assignment.test(s)) ? null : t('drugs.reagentsInvalid')),
      options: (value) => ({ methodOptions: { reagents: value } }),
      Fields: ReagentsField,
    },
    [stripMethodId]: {
      initial: () => '',
      problem: (value, _items, t) => {
        const panel = parsedPanel(value) as { panels?: unknown } | null;
        return panel && Array.isArray(panel.panels) && panel.panels.length > 0 ? null : t('drugs.panelInvalid');
      },
      options: (value) => ({ methodOptions: { panel: parsedPanel(value) } }),
      Fields: PanelField,
    },
  },
  viewerPanels: { 'drugs-spot': SpotPanel, 'drugs-strip': StripPanel, 'drugs-pad': PadPanel },
  runViewers: { [spotMethodId]: DrugsRunViewer, [stripMethodId]: DrugsRunViewer, [padMethodId]: DrugsRunViewer },
};
