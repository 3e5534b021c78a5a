/** What a user does in the renderer tests (click, type, submit, keys, pointer), each inside act, by data-testid. */
import { act } from 'react';

/** Lets pending promises and effects run. */
export const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

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
