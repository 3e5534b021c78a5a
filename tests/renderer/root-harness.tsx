/** Mounting the whole interface (<Root>, from the login state on) in jsdom for the renderer tests that drive it. */
import { act } from 'react';
import { createRoot, type Root as ReactRoot } from 'react-dom/client';
import type { DalelApi } from '../../main/contract/index.ts';
import { createI18n } from '../../renderer/src/i18n/i18n.ts';
import type { Language } from '../../renderer/src/i18n/languages.ts';
import { Root } from '../../renderer/src/root.tsx';
import { settle } from './dom-actions.ts';

let container: HTMLDivElement | null = null;
let root: ReactRoot | null = null;

/** Renders the interface on `api` in `language`, then lets `settles` rounds of answers and effects run. */
export async function renderRoot(api: DalelApi, language: Language = 'en', settles = 2): Promise<void> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<Root api={api} i18n={createI18n(language)} />));
  for (let i = 0; i < settles; i++) await settle();
}

/** Unmounts what renderRoot mounted. */
export function unmountRoot(): void {
  act(() => root?.unmount());
  root = null;
  container?.remove();
  container = null;
}
