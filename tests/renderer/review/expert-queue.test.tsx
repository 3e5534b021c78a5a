// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { requestChannels } from '../../../main/contract/index.ts';
import { ExpertQueue } from '../../../renderer/src/review/expert-queue.tsx';
import { reviewIn, sampleCase } from '../expert-fixtures.ts';
import { cleanup, fakeApi, need, ok, render, settle } from '../expert-harness.tsx';

afterEach(() => cleanup());

describe('the expert queue', () => {
  it('lists cases awaiting review with their progress, filters by state and search, and opens a case', async () => {
    const queue = requestChannels['review.queue'].response.parse([{ case: sampleCase, review: reviewIn('in-review', 3, 5) }]);
    const fake = fakeApi({ 'review.queue': ok(queue) });
    const opened: string[] = [];
    await render(fake.api, <ExpertQueue onOpen={(id) => opened.push(id)} />);
    expect(fake.callsTo('review.queue')).toEqual([{}]);
    expect(need(`queue-progress-${sampleCase.number}`).textContent).toBe('3 of 5 findings decided');
    expect(need(`queue-row-${sampleCase.number}`).textContent).toContain('In review');

    const search = need('queue-search') as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    await act(async () => {
      setter.call(search, 'LAB-12');
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => new Promise((resolve) => setTimeout(resolve, 300)));
    await settle();
    expect(fake.callsTo('review.queue').at(-1)).toEqual({ query: 'LAB-12' });

    await act(async () => need(`queue-open-${sampleCase.number}`).click());
    expect(opened).toEqual([sampleCase.id]);
  });
});
