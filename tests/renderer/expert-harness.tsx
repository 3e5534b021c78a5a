/** Rendering and a fake DalelApi for the expert-workspace tests (components rendered with their providers). */
import { act, type ReactNode } from 'react';
import { createRoot, type Root as ReactRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { DalelApi, EventChannel, EventOf, RequestChannel, Result } from '../../main/contract/index.ts';
import { ApiContext } from '../../renderer/src/api/api-context.ts';
import { createI18n } from '../../renderer/src/i18n/i18n.ts';
import { settle } from './dom-actions.ts';
import { type Answer, tableApi } from './fake-api.ts';

export { byTestId, click, need, pointer, press, settle, submit, type } from './dom-actions.ts';

/** A DalelApi answering from a table, recording calls and letting the test push events (inside act). */
export function fakeApi(answers: Partial<Record<RequestChannel, Answer>>) {
  const fake = tableApi(answers);
  return {
    api: fake.api,
    callsTo: fake.callsTo,
    emit: async <E extends EventChannel>(event: E, payload: EventOf<E>) => {
      await act(async () => fake.emit(event, payload));
    },
  };
}

/** Answers a value. */
export const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

/** The recorded draw calls of the stubbed canvases, and how many pictures were decoded. */
export const drawn = { drawImage: 0, strokes: 0, decoded: 0 };

/**
 * jsdom has neither 2D canvases nor createImageBitmap: a context that records what is drawn, and a decoder that
 * counts its calls (so a test can tell pan/zoom never decodes again).
 */
export function stubCanvas(): void {
  drawn.drawImage = 0;
  drawn.strokes = 0;
  drawn.decoded = 0;
  const context = new Proxy({} as Record<string | symbol, unknown>, {
    get(target, name) {
      if (name in target) return target[name];
      if (name === 'drawImage') return () => void drawn.drawImage++;
      if (name === 'stroke') return () => void drawn.strokes++;
      return () => undefined;
    },
    set(target, name, value) {
      target[name] = value;
      return true;
    },
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => context) as never);
  vi.stubGlobal('createImageBitmap', async () => {
    drawn.decoded++;
    return { width: 200, height: 180, close: () => undefined };
  });
}

let container: HTMLDivElement | null = null;
let root: ReactRoot | null = null;

/**
 * Renders a component with the translations (English unless another language is given) and the API; gives the
 * translations' instance, for a test that switches the language on a screen already shown.
 */
export async function render(api: DalelApi, node: ReactNode, language: Parameters<typeof createI18n>[0] = 'en'): Promise<ReturnType<typeof createI18n>> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const i18n = createI18n(language);
  await act(async () => root!.render(<I18nextProvider i18n={i18n}><ApiContext value={api}>{node}</ApiContext></I18nextProvider>));
  await settle();
  await settle();
  return i18n;
}

/** Unmounts what `render` mounted. */
export function cleanup(): void {
  act(() => root?.unmount());
  root = null;
  container?.remove();
  container = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
}
