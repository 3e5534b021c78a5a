/** Rendering and a fake DalelApi for the expert-workspace tests (components rendered with their providers). */
import { act, type ReactNode } from 'react';
import { createRoot, type Root as ReactRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { DalelApi, EventChannel, EventOf, RequestChannel, Result } from '../../main/contract/index.ts';
import { ApiContext } from '../../renderer/src/api/api-context.ts';
import { createI18n } from '../../renderer/src/i18n/i18n.ts';

type Answer = Result<unknown> | ((payload: never) => Result<unknown> | Promise<Result<unknown>>);

/** A DalelApi answering from a table, recording calls and letting the test push events. */
export function fakeApi(answers: Partial<Record<RequestChannel, Answer>>) {
  const calls: { channel: RequestChannel; payload: unknown }[] = [];
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const api: DalelApi = {
    invoke: (async (channel: RequestChannel, payload: unknown) => {
      calls.push({ channel, payload });
      const answer = answers[channel];
      if (answer === undefined) return { ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${channel}` } };
      return typeof answer === 'function' ? answer(payload as never) : answer;
    }) as DalelApi['invoke'],
    on: ((event: EventChannel, listener: (payload: never) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    }) as DalelApi['on'],
  };
  return {
    api,
    callsTo: (channel: RequestChannel) => calls.filter((c) => c.channel === channel).map((c) => c.payload),
    emit: async <E extends EventChannel>(event: E, payload: EventOf<E>) => {
      await act(async () => {
        for (const listener of listeners.get(event) ?? []) (listener as (p: EventOf<E>) => void)(payload);
      });
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

/** Lets pending promises and effects run. */
export const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

/** Renders a component with the translations (English unless another language is given) and the API. */
export async function render(api: DalelApi, node: ReactNode, language: Parameters<typeof createI18n>[0] = 'en'): Promise<void> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<I18nextProvider i18n={createI18n(language)}><ApiContext value={api}>{node}</ApiContext></I18nextProvider>));
  await settle();
  await settle();
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

/** The element with a test id, or null. */
export function byTestId(id: string): HTMLElement | null {
  return document.querySelector(`[data-testid="${id}"]`);
}

/** The element with a test id; throws when missing. */
export function need(id: string): HTMLElement {
  const element = byTestId(id);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element;
}

/** Clicks an element by test id. */
export async function click(id: string): Promise<void> {
  const element = need(id);
  await act(async () => element.click());
  await settle();
}

/** Types into an input the way React notices. */
export async function type(id: string, value: string): Promise<void> {
  const element = need(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')!.set!;
  await act(async () => {
    setter.call(element, value);
    // React hears a native select through 'change', text fields through 'input'.
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** Submits a form by test id. */
export async function submit(formId: string): Promise<void> {
  const form = need(formId) as HTMLFormElement;
  await act(async () => form.requestSubmit());
  await settle();
}

/** Presses a key on the page, as a user would outside any field. */
export async function press(key: string): Promise<void> {
  await act(async () => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
  await settle();
}

/** Dispatches a pointer-style mouse event (jsdom has no PointerEvent constructor in every version). */
export async function pointer(element: Element, type: 'pointerdown' | 'pointermove' | 'pointerup', clientX: number, clientY: number): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX, clientY }));
  });
}
