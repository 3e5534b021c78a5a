// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { FileName } from '../../../renderer/src/common/file-name.tsx';
import { cleanup, fakeApi, need, render } from '../expert-harness.tsx';

afterEach(cleanup);

describe('a file name in a narrow column', () => {
  it('may wrap after each dot, underscore and hyphen, and reads as the name', async () => {
    await render(fakeApi({}).api, <span data-testid="name"><FileName name="Hamby252_Barrel1-Bullet1.Land3.x3p" /></span>);
    const element = need('name');
    expect(element.textContent).toBe('Hamby252_Barrel1-Bullet1.Land3.x3p');
    expect(element.innerHTML).toBe('Hamby252_<wbr>Barrel1-<wbr>Bullet1.<wbr>Land3.<wbr>x3p');
  });

  it('leaves a name without such marks as it is', async () => {
    await render(fakeApi({}).api, <span data-testid="name"><FileName name="scan" /></span>);
    expect(need('name').innerHTML).toBe('scan');
  });
});
