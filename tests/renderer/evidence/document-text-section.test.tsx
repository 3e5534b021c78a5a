// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentTextView, Evidence, Result } from '../../../main/contract/index.ts';
import { DocumentTextSection } from '../../../renderer/src/evidence/document-text-section.tsx';
import { byTestId, cleanup, click, fakeApi, need, ok, render, type } from '../expert-harness.tsx';

const item = {
  id: '66666666-6666-4666-8666-666666666666',
  caseId: '77777777-7777-4777-8777-777777777777',
  originalName: 'claim.png',
  kind: 'png',
  mediaType: 'image/png',
  sha256: 'aa'.repeat(32),
} as Evidence;

const word = (text: string, confidence: number, line: number) => ({ text, left: 0, top: 0, width: 10, height: 10, confidence, block: 1, paragraph: 1, line });

const stored: DocumentTextView = {
  id: '88888888-8888-4888-8888-888888888888',
  evidenceId: item.id,
  caseId: item.caseId,
  evidenceSha256: item.sha256,
  sha256: 'bb'.repeat(32),
  createdAt: '2026-12-01T10:00:00.000Z',
  createdBy: 'expert1',
  result: {
    file: 'claim.png',
    format: 'png',
    pages: [
      {
        page: 1,
        source: 'ocr',
        language: 'kaz',
        recognisedWith: 'kaz+rus',
        text: 'Талап арыз\nсомасы 400 000 теңге',
        words: [word('Талап', 95, 1), word('арыз', 93, 1), word('сомасы', 91, 2), word('400', 55, 2), word('000', 88, 2), word('теңге', 90, 2)],
        width: 2480,
        height: 3508,
        rotation: 90,
        skewDegrees: 0.4,
        meanConfidence: 85,
        lowConfidenceWords: 1,
      },
    ],
    provenance: {
      algorithm: 'dalel-ocr',
      algorithmVersion: '1.0.0',
      engine: { engine: 'tesseract', version: '5.3.0', languageData: [] },
      openCv: '4.6.0',
      inputSha256: item.sha256,
      parameters: { language: 'auto', dpi: 300, lowConfidence: 70 },
    },
  },
};

afterEach(() => cleanup());

describe('the text of a document evidence item', () => {
  it('reads the text in the chosen language, then shows each page with the unsure words marked, in Kazakh', async () => {
    let text: DocumentTextView | null = null;
    const fake = fakeApi({
      'documents.text': () => ok(text),
      'documents.recognise': () => {
        text = stored;
        return ok(stored);
      },
    });
    await render(fake.api, <DocumentTextSection item={item} mayRecognise />, 'kk');
    expect(need('document-text').textContent).toContain('әлі танылмаған');
    await type('document-text-language', 'kaz');
    await click('document-text-recognise');
    expect(fake.callsTo('documents.recognise')).toEqual([{ evidenceId: item.id, language: 'kaz' }]);
    expect(need('document-text-summary').textContent).toContain('Қазақ тілі');
    expect(need('document-text-page-1').textContent).toContain('90° бұрылды');
    const unsure = [...document.querySelectorAll('[data-testid="document-text-unsure"]')];
    expect(unsure.map((m) => m.textContent)).toEqual(['400']);
    expect(need('document-text-recognise').textContent).toBe('Мәтінді қайта тану');
  });

  it('names tesseract only for pages it read: a PDF with its own text says so, in Russian and English', async () => {
    const ownPage = { ...stored.result.pages[0]!, source: 'text-layer' as const, recognisedWith: null, rotation: 0 as const, lowConfidenceWords: 0 };
    const pdf = (pages: DocumentTextView['result']['pages']): DocumentTextView => ({ ...stored, result: { ...stored.result, format: 'pdf', pages } });
    const summary = async (view: DocumentTextView, language: 'ru' | 'en') => {
      cleanup();
      await render(fakeApi({ 'documents.text': () => ok(view) }).api, <DocumentTextSection item={item} mayRecognise />, language);
      return need('document-text-summary').textContent ?? '';
    };
    const own = await summary(pdf([ownPage]), 'ru');
    expect(own).toContain('собственный текст PDF, распознавание не потребовалось');
    expect(own).not.toContain('tesseract');
    const mixed = await summary(pdf([ownPage, { ...stored.result.pages[0]!, page: 2 }]), 'en');
    expect(mixed).toContain("tesseract 5.3.0; from the PDF's own text: 1");
    expect(await summary(stored, 'en')).toContain('(tesseract 5.3.0)');
  });

  it('offers no reading to a clerk, and names the reason when reading fails', async () => {
    const fake = fakeApi({ 'documents.text': ok(null) });
    await render(fake.api, <DocumentTextSection item={item} mayRecognise={false} />);
    expect(byTestId('document-text-recognise')).toBeNull();
    cleanup();
    const failing = fakeApi({ 'documents.text': ok(null), 'documents.recognise': { ok: false, error: { code: 'BAD_INPUT', message: 'claim.png: the page is empty', params: { file: 'claim.png', reasonCode: 'empty-page' } } } });
    await render(failing.api, <DocumentTextSection item={item} mayRecognise />);
    await click('document-text-recognise');
    expect(need('document-text-error').textContent).toContain('“claim.png” shows an empty page: there is no text to read.');
  });

  it('shows the pages read so far, and a cancelled reading as cancelled with nothing stored, in Russian', async () => {
    let finish: (result: Result<DocumentTextView>) => void = () => undefined;
    const fake = fakeApi({
      'documents.text': ok(null),
      'documents.recognise': () => new Promise<Result<DocumentTextView>>((resolve) => (finish = resolve)),
      'documents.cancel': () => {
        finish({ ok: false, error: { code: 'CONFLICT', message: 'OCR cancelled.', params: { reasonCode: 'cancelled' } } });
        return ok({ cancelled: true });
      },
    });
    await render(fake.api, <DocumentTextSection item={item} mayRecognise />, 'ru');
    await click('document-text-recognise');
    await fake.emit('documents.progress', { evidenceId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', done: 5, total: 9 });
    expect(need('document-text-pages').textContent).toBe('Текст распознаётся… отсканированная страница занимает несколько секунд.');
    await fake.emit('documents.progress', { evidenceId: item.id, done: 1, total: 3 });
    expect(need('document-text-pages').textContent).toBe('Прочитано страниц: 1 из 3');
    expect(need('document-text-progress').getAttribute('aria-valuenow')).toBe('33');
    await click('document-text-cancel');
    expect(fake.callsTo('documents.cancel')).toEqual([{ evidenceId: item.id }]);
    expect(need('document-text-cancelled').textContent).toBe('Распознавание отменено: ничего не сохранено.');
    expect(byTestId('document-text-error')).toBeNull();
    expect(byTestId('document-text-cancel')).toBeNull();
  });

  it('shows a page image with the unsure words boxed, on request', async () => {
    Object.assign(URL, { createObjectURL: vi.fn((blob: Blob) => `blob:test/${blob.size}`), revokeObjectURL: vi.fn() });
    const fake = fakeApi({
      'documents.text': ok(stored),
      'documents.pageImage': ok({ evidenceId: item.id, textSha256: stored.sha256, page: 1, width: 2480, height: 3508, png: new Uint8Array(7) }),
    });
    await render(fake.api, <DocumentTextSection item={item} mayRecognise={false} />);
    expect(byTestId('document-page-image')).toBeNull();
    await click('document-text-picture-1');
    expect(fake.callsTo('documents.pageImage')).toContainEqual({ evidenceId: item.id, page: 1 });
    expect(document.querySelectorAll('[data-testid="document-page-box-unsure"]')).toHaveLength(1);
    expect(need('document-page-image').querySelector('img')!.getAttribute('alt')).toBe('Page 1 as it was read');
    // The words read lie over the image where each was found, so the page's text can be selected and searched there.
    const layer = [...need('document-page-text-layer').querySelectorAll('text')];
    expect(layer.map((w) => w.textContent)).toEqual(stored.result.pages[0]!.words.map((w) => w.text));
    expect(layer[3]!.getAttribute('x')).toBe(String(stored.result.pages[0]!.words[3]!.left));
    expect(layer[3]!.getAttribute('textLength')).toBe(String(stored.result.pages[0]!.words[3]!.width));
    await click('document-text-picture-1');
    expect(byTestId('document-page-image')).toBeNull();
  });
});
