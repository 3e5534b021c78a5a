import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { askQuestion } from '../../main/services/questions/ask.ts';
import { LawStore } from '../../main/services/laws/law-store.ts';
import { join } from 'node:path';
import { questionSet } from './question-set.ts';
import { addAdministrator, runDalel } from '../helpers/cli.ts';
import { call, seedUsers, tempDir, testWorkstation } from '../helpers/workstation.ts';

const shared = existsSync(new URL('../../../shared/data/legal/kz_criminal_code.ru.txt', import.meta.url));
if (!shared) console.log('Question tests skipped: ../shared/data/legal is missing');

describe.skipIf(!shared)('plain-language questions (60: 20 ru, 20 kk, 20 en)', () => {
  let store: LawStore;
  beforeAll(() => {
    store = LawStore.withSharedCodes(['criminal', 'civil', 'civil-procedure']);
  }, 120_000);

  it('puts the expected article in the top 3 for ≥ 90 % and names the case type for ≥ 95 %', () => {
    let top3 = 0;
    let typed = 0;
    const perLanguage = new Map<string, { n: number; top3: number; typed: number }>();
    for (const item of questionSet) {
      const answer = askQuestion(item.question, store, { today: new Date('2026-06-01T00:00:00Z') });
      const hit = answer.articles.slice(0, 3).some((a) => a.code === item.code && a.article === item.article);
      const typeOk = answer.caseType === item.caseType;
      const tally = perLanguage.get(item.language) ?? { n: 0, top3: 0, typed: 0 };
      tally.n += 1;
      if (hit) {
        top3 += 1;
        tally.top3 += 1;
      } else console.log(`MISS ${item.code}:${item.article} «${item.question}» → ${answer.articles.slice(0, 3).map((a) => `${a.code}:${a.article}`).join(', ')} (${answer.concepts.map((c) => c.id).join(', ')})`);
      if (typeOk) {
        typed += 1;
        tally.typed += 1;
      } else console.log(`TYPE ${item.caseType} «${item.question}» → ${answer.caseType}`);
      perLanguage.set(item.language, tally);
    }
    console.table([...perLanguage].map(([language, t]) => ({ language, questions: t.n, 'article in top 3': `${((t.top3 / t.n) * 100).toFixed(0)} %`, 'case type right': `${((t.typed / t.n) * 100).toFixed(0)} %` })));
    expect(questionSet).toHaveLength(60);
    expect(top3 / questionSet.length).toBeGreaterThanOrEqual(0.9);
    expect(typed / questionSet.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the facts of the issue\'s example and proposes a consultation', () => {
    const question = 'Из квартиры вынесли ноутбук за 400 000 тенге, какой срок грозит вору?';
    const answer = askQuestion(question, store, { today: new Date('2026-06-01T00:00:00Z') });
    expect(answer.language).toBe('rus');
    expect(answer.caseType).toBe('kz-criminal');
    expect(answer.articles[0]).toMatchObject({ code: 'criminal', article: '188' });
    expect(answer.articles[0]!.text.length).toBeGreaterThan(20);
    const damage = answer.facts.find((f) => f.field === 'damageKzt')!;
    expect(damage.value).toBe(400000);
    expect(question.slice(damage.span.start, damage.span.end)).toBe('400 000 тенге');
    expect(answer.facts.find((f) => f.field === 'article')?.value).toBe('188');
    expect(answer.missing).toContain('priorConvictions');
    expect(answer.consultationFacts).toMatchObject({ article: '188', part: 1, offenceCategory: expect.any(String), damageMrp: expect.any(Number), priorConvictions: null });
  });

  it('answers the Kazakh rent example as a civil claim that still needs the claim amount', () => {
    const answer = askQuestion('Жалға берген пәтерімнің ақысын үш ай бойы төлемей жүр, сотқа берсем не болады?', store);
    expect(answer.language).toBe('kaz');
    expect(answer.caseType).toBe('kz-civil-contract');
    expect(answer.missing).toContain('claimAmountKzt');
    expect(answer.consultationFacts).toBeNull();
  });
});

describe.skipIf(!shared)('dalel ask', () => {
  it('answers with the case type, ranked articles, facts and missing facts as JSON; a judge gets the consultation', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const data = join(dir, 'data');
      const run = await runDalel(data, ['--json', 'ask', 'Из квартиры вынесли ноутбук за 400 000 тенге, какой срок грозит вору?']);
      expect(run.err).toBe('');
      const answer = JSON.parse(run.out) as { caseType: string; articles: Array<{ code: string; article: string; part: string; text: string; score: number }>; facts: Array<{ field: string }>; missing: string[]; consultation: unknown; consultationNote: string };
      expect(answer.caseType).toBe('kz-criminal');
      expect(answer.articles[0]).toMatchObject({ code: 'criminal', article: '188' });
      expect(answer.facts.map((f) => f.field)).toContain('damageKzt');
      expect(answer.missing).toContain('guiltyPlea');
      expect(answer.consultation).toBeNull();
      expect(answer.consultationNote).toContain('--user');
      const password = 'judge password 1';
      await addAdministrator((args, stdin) => runDalel(data, args, stdin), 'admin password 1');
      expect(await runDalel(data, ['--user', 'admin', 'users', 'add', '--username', 'judge', '--display-name', 'Judge', '--role', 'judge'], `admin password 1\n${password}\n`)).toMatchObject({ code: 0 });
      const judged = await runDalel(data, ['--json', '--user', 'judge', 'ask', 'Из квартиры вынесли ноутбук за 400 000 тенге, какой срок грозит вору?'], `${password}\n`);
      expect(judged.err).toBe('');
      const consulted = JSON.parse(judged.out) as { consultation: Array<{ outcome: string }> };
      expect(consulted.consultation.map((c) => c.outcome).sort()).toEqual(['punishment', 'term-months']);
    } finally {
      cleanup();
    }
  }, 180_000);
});

describe.skipIf(!shared)('questions.ask channel', () => {
  it('answers a judge from the shared texts when no code is imported, and refuses an expert', async () => {
    const { ws, dispose } = testWorkstation();
    try {
      const clients = await seedUsers(ws);
      const answer = await call(ws, clients.judge, 'questions.ask', { question: 'Someone stole my laptop from my flat, worth 400,000 tenge. What sentence can the thief get?' });
      expect(answer).toMatchObject({ language: 'eng', caseType: 'kz-criminal', lawSource: 'shared' });
      expect(answer.articles.slice(0, 3).map((a) => a.article)).toContain('188');
      const refused = await ws.dispatcher.invoke(clients.expert, 'questions.ask', { question: 'кража' });
      expect(refused.ok).toBe(false);
    } finally {
      dispose();
    }
  }, 120_000);
});
