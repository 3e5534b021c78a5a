import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/api/api-error.ts';
import { BridgeError } from '../../renderer/src/api/bridge-error.ts';
import { describeError } from '../../renderer/src/common/describe-error.ts';
import { createFormatters } from '../../renderer/src/common/format.ts';
import { createI18n } from '../../renderer/src/i18n/i18n.ts';
import type { Language } from '../../renderer/src/i18n/languages.ts';

function describeIn(language: Language, error: unknown): string {
  const i18n = createI18n(language);
  const t = i18n.getFixedT(language);
  return describeError(t, error, createFormatters(language, { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' }[language], t));
}

const truncated = new ApiError({
  code: 'BAD_INPUT',
  message: 'scan.png: the file is truncated: the PNG has no IEND chunk',
  params: { file: 'scan.png', reasonCode: 'truncated', reason: 'the file is truncated: the PNG has no IEND chunk' },
});

describe('describeError', () => {
  it('names the file and translates the intake reason in every language', () => {
    expect(describeIn('en', truncated)).toBe('“scan.png” is truncated: the file ends before its data is complete.');
    expect(describeIn('ru', truncated)).toContain('«scan.png» обрезан');
    expect(describeIn('kk', truncated)).toContain('«scan.png» қиылған');
  });

  it('intake errors say what is wrong, in every language: an empty file, a JPEG named .png, an executable, a cut TIFF', () => {
    const refusal = (params: Record<string, string | number>) => new ApiError({ code: 'BAD_INPUT', message: '…', params: { reason: '…', ...params } });
    const empty = refusal({ file: 'empty.png', reasonCode: 'empty-file' });
    expect(describeIn('en', empty)).toBe('“empty.png” is empty: it contains no data (0 bytes). Check that the right file was chosen and that it was copied completely.');
    expect(describeIn('ru', empty)).toContain('Файл «empty.png» пуст');
    expect(describeIn('kk', empty)).toContain('«empty.png» файлы бос');
    const renamed = refusal({ file: 'photo.png', reasonCode: 'name-mismatch', extension: 'png', expected: 'png', detected: 'jpeg' });
    expect(describeIn('en', renamed)).toBe('The content of “photo.png” is not a PNG image although its name ends in .png: it is a JPEG image. Check that this is the right file.');
    expect(describeIn('ru', renamed)).toBe('Содержимое файла «photo.png» — не изображение PNG, хотя его имя оканчивается на .png: это изображение JPEG. Проверьте, тот ли это файл.');
    expect(describeIn('kk', renamed)).toBe('«photo.png» файлының мазмұны PNG кескіні емес, бірақ атауы .png деп аяқталады: бұл — JPEG кескіні. Файлдың дұрыс екенін тексеріңіз.');
    const program = refusal({ file: 'setup.dat', reasonCode: 'unsupported-type', detected: 'exe' });
    expect(describeIn('en', program)).toBe('“setup.dat” is a Windows program, which is not accepted. Accepted are PNG, JPEG, TIFF, X3P and PDF.');
    const cut = refusal({ file: 'page.tif', reasonCode: 'truncated', format: 'TIFF' });
    expect(describeIn('ru', cut)).toContain('Файл «page.tif» неполный: он обрывается раньше, чем заканчиваются данные TIFF');
    // Another service refusing with the same code but without the sniffer's details gets the general sentence.
    expect(describeIn('en', refusal({ file: 'a.png', reasonCode: 'unsupported-type' }))).toBe('“a.png” cannot be used for this action: it takes a different kind of file.');
    for (const language of ['kk', 'ru', 'en'] as const) {
      for (const error of [empty, renamed, program, cut]) expect(describeIn(language, error)).not.toMatch(/\{\{|intake\.|undefined/);
    }
  });

  it('formats the numbers of a too-large or too-many-pixels refusal', () => {
    const tooLarge = new ApiError({ code: 'BAD_INPUT', message: '…', params: { file: 'big.tif', reasonCode: 'too-large', size: 3 * 1024 ** 3, limit: 2 * 1024 ** 3 } });
    expect(describeIn('en', tooLarge)).toBe('“big.tif” (3 GB) is larger than the limit of 2 GB.');
    // A byte past the limit rounds to the limit: then both are exact, so the sentence does not contradict itself.
    const justOver = new ApiError({ code: 'BAD_INPUT', message: '…', params: { file: 'huge.txt', reasonCode: 'too-large', size: 64 * 1024 ** 2 + 1, limit: 64 * 1024 ** 2 } });
    expect(describeIn('en', justOver)).toBe('“huge.txt” (67,108,865 bytes) is larger than the limit of 67,108,864 bytes.');
    const bomb = new ApiError({ code: 'BAD_INPUT', message: '…', params: { file: 'b.png', reasonCode: 'too-many-pixels', width: 100000, height: 100000, limit: 250000000 } });
    expect(describeIn('en', bomb)).toBe('“b.png” declares 100,000 × 100,000 pixels, more than the limit of 250,000,000 (possible decompression bomb).');
  });

  it('uses the parameters of conflicts and failed logins', () => {
    expect(describeIn('en', new ApiError({ code: 'CONFLICT', message: '', params: { username: 'erlan' } }))).toBe('The user name “erlan” is taken.');
    expect(describeIn('ru', new ApiError({ code: 'CONFLICT', message: '', params: { number: '2-1/2025' } }))).toBe('Дело с номером 2-1/2025 уже существует.');
    expect(describeIn('en', new ApiError({ code: 'INVALID_CREDENTIALS', message: '', params: { attemptsLeft: 2 } }))).toContain('Attempts left before the account is locked: 2.');
    expect(describeIn('kk', new ApiError({ code: 'FORBIDDEN', message: '' }))).toBe('Сіздің рөліңізге бұл әрекетке рұқсат жоқ.');
  });

  it('explains the audit log refusals: key locked or missing, wrong passphrase, short passphrase, uncovered entry, bad cosignature', () => {
    expect(describeIn('en', new ApiError({ code: 'KEY_LOCKED', message: '' }))).toContain('signing key is locked');
    expect(describeIn('en', new ApiError({ code: 'SESSION_LOCKED', message: '' }))).toBe('The session is locked; enter your password.');
    expect(describeIn('ru', new ApiError({ code: 'CONFLICT', message: '', params: { reason: 'no-signing-key' } }))).toContain('Ключа подписи ещё нет');
    expect(describeIn('en', new ApiError({ code: 'INVALID_CREDENTIALS', message: '', params: { reasonCode: 'wrong-passphrase' } }))).toBe('Wrong passphrase for the signing key.');
    expect(describeIn('kk', new ApiError({ code: 'VALIDATION', message: '', params: { field: 'passphrase' } }))).toContain('12');
    expect(describeIn('en', new ApiError({ code: 'CONFLICT', message: '', params: { seq: 7 } }))).toContain('Entry 7 is not covered');
    expect(describeIn('en', new ApiError({ code: 'BAD_INPUT', message: '', params: { reasonCode: 'bad-signature' } }))).toContain('cosignature does not verify');
    expect(describeIn('en', new ApiError({ code: 'NOT_FOUND', message: '', params: { reasonCode: 'unknown-checkpoint' } }))).toContain('not one this workstation signed');
    expect(describeIn('en', new ApiError({ code: 'CONFLICT', message: '', params: { sealer: 'os-keystore' } }))).toContain("operating system's keystore");
    // A bundle that is not a zip names the file, as rejected evidence does.
    expect(describeIn('en', new ApiError({ code: 'BAD_INPUT', message: '', params: { file: 'x.zip', reasonCode: 'corrupt' } }))).toBe('“x.zip” is damaged and cannot be read.');
  });

  it('explains bridge and network failures', () => {
    expect(describeIn('en', new BridgeError(401, 'missing or wrong launch token'))).toContain('access key');
    expect(describeIn('en', new BridgeError(500, 'internal error'))).toContain('HTTP 500');
    expect(describeIn('en', new TypeError('Failed to fetch'))).toContain('cannot be reached');
  });
});
