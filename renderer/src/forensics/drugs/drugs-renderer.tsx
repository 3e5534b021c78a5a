/**
 * The drug-test module's part of the interface: the spot plate asks which reagent is in which well, the cassette its
 * strips (a small form); their results show swatches, candidates and strip profiles below the viewer.
 */
import type { RendererModule } from '../renderer-module.ts';
import { SpotPanel } from './spot-panel.tsx';
import { StripPanel } from './strip-panel.tsx';
import { DrugsRunViewer } from './drugs-run-viewer.tsx';
import { PadPanel } from './pad-panel.tsx';
import { CassetteFields, cassettePanel, cassetteProblem, initialCassette } from './cassette-fields.tsx';
import { initialWellRows, SpotReagentFields, wellRowsProblem } from './spot-reagent-fields.tsx';

const spotMethodId = ['drugs', 'spot'].join('.');
const stripMethodId = ['drugs', 'strip'].join('.');
const padMethodId = ['drugs', 'pad'].join('.');

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
      initial: initialWellRows,
      problem: (value, _items, t) => wellRowsProblem(value, t),
      options: (value) => ({ methodOptions: { reagents: value } }),
      Fields: SpotReagentFields,
    },
    [stripMethodId]: {
      initial: initialCassette,
      problem: (value, _items, t) => cassetteProblem(value, t),
      options: (value) => ({ methodOptions: { panel: cassettePanel(value) } }),
      Fields: CassetteFields,
    },
  },
  viewerPanels: { 'drugs-spot': SpotPanel, 'drugs-strip': StripPanel, 'drugs-pad': PadPanel },
  runViewers: { [spotMethodId]: DrugsRunViewer, [stripMethodId]: DrugsRunViewer, [padMethodId]: DrugsRunViewer },
};
