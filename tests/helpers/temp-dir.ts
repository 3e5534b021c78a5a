import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { liveView } from './live-view.ts';
import { tempDir } from './workstation.ts';

/** A temporary folder that the surrounding describe block's hooks make and remove. */
export interface UsedTempDir {
  /** The folder; read it inside a test or hook, not at load time. */
  readonly dir: string;
}

/**
 * Makes a fresh temporary folder before each test ('each') or once before the block's tests ('all'), and removes it
 * afterwards. Call it before the block's other hooks that use the folder.
 */
export function useTempDir(scope: 'each' | 'all' = 'each'): UsedTempDir {
  let made: { dir: string; cleanup: () => void } | undefined;
  const before = scope === 'each' ? beforeEach : beforeAll;
  const after = scope === 'each' ? afterEach : afterAll;
  before(() => {
    made = tempDir();
  });
  after(() => {
    made?.cleanup();
    made = undefined;
  });
  const current = () => {
    if (!made) throw new Error('the temporary folder exists only while a test runs');
    return made;
  };
  return liveView(current, ['dir']);
}
