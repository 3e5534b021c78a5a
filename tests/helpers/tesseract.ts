/** Whether the OCR tests can run: the Debian tesseract binary with the given language data installed. */
import { execFileSync } from 'node:child_process';

/** True when `tesseract --list-langs` names the language (e.g. 'kaz', 'rus'). */
export function tesseractHas(language: string): boolean {
  try {
    return new RegExp(`^${language}$`, 'm').test(execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
}
