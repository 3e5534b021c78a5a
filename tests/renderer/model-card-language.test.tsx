// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelCardSchema, type CaseTypeView, type ModelCard } from '../../main/contract/index.ts';
import { caseTypeView } from '../../main/services/decision/case-type-view.ts';
import { findCaseType, loadCaseTypes } from '../../models/cases/case-type.ts';
import { ModelCardDialog } from '../../renderer/src/decision/model-card-dialog.tsx';
import { cleanup, fakeApi, need, render } from './expert-harness.tsx';

afterEach(cleanup);

// The shipped cards and their case types, read by path (under jsdom, import.meta.url cannot be used).
const modelsDir = join(process.cwd(), 'assets', 'decision', 'models');
const types = loadCaseTypes(join(process.cwd(), 'assets', 'decision', 'case-types'));
const shipped = readdirSync(modelsDir).map((folder) => {
  const card = ModelCardSchema.parse(JSON.parse(readFileSync(join(modelsDir, folder, 'model-card.json'), 'utf8')));
  return { folder, card, caseType: caseTypeView(findCaseType(types, card.caseType.id, card.caseType.version)) };
});
const show = (card: ModelCard, caseType: CaseTypeView | null, language: 'kk' | 'ru' | 'en') =>
  render(fakeApi({}).api, <ModelCardDialog card={card} caseType={caseType} onClose={() => undefined} />, language);

// What the trainer writes in English, and the codes it writes into its sentences.
const englishTemplates = [/advisory only/i, /never an input/, /Validated on/, /referred to human review/, /Trained on synthetic/, /trained before/, /tested from/, /majority class/, /training median/, /explainable boosting machine/];
const rawCodes = /defendantSex|defendantCitizenship|decidedOn|award-fraction|term-months|kz-civil-contract|kz-criminal/;
const isoDate = /\d{4}-\d{2}-\d{2}/;

const expected = {
  ru: {
    intendedUse: 'Поддержка решений судьи, только рекомендательная',
    caseTypes: { 'kz-criminal': 'Уголовное дело: назначение наказания', 'kz-civil-contract': 'Гражданское дело: иск по договору' },
    outcomes: { punishment: 'Вид наказания', 'term-months': 'Срок', satisfaction: 'Удовлетворение иска', 'award-fraction': 'Присуждённая доля иска' },
    split: { 'kz-criminal': 'обучена на делах, где «Дата приговора» раньше 1 января 2024', 'kz-civil-contract': 'обучена на делах, где «Дата решения» раньше 1 января 2024' },
    limits: ['Только рекомендация: модель оценивает', 'Проверена на более поздних делах', 'передаются на рассмотрение человеку', 'Обучена на синтетических (сгенерированных) делах'],
    protected: 'Никогда не подаются на вход модели: Пол подсудимого, Гражданство подсудимого;',
    majority: { 'kz-criminal': 'самый частый исход (лишение свободы)', 'kz-civil-contract': 'самый частый исход (удовлетворён полностью)' },
  },
  kk: {
    intendedUse: 'Судьяның шешім қабылдауына көмек, тек ұсыныс ретінде',
    caseTypes: { 'kz-criminal': 'Қылмыстық іс: жаза тағайындау', 'kz-civil-contract': 'Азаматтық іс: шарт бойынша талап' },
    outcomes: { punishment: 'Жаза түрі', 'term-months': 'Мерзім', satisfaction: 'Талаптың қанағаттандырылуы', 'award-fraction': 'Талаптың өндірілген үлесі' },
    split: { 'kz-criminal': '«Үкім шығарылған күн»', 'kz-civil-contract': '«Шешім шығарылған күн»' },
    limits: ['Тек ұсыныс: модель соттардың', 'Оқытылған істерден кейінгі істерде тексерілді', 'адамның қарауына жіберіледі', 'Синтетикалық (генерацияланған) істерде оқытылды'],
    protected: 'Модельге ешқашан кіріс ретінде берілмейді: Сотталушының жынысы, Сотталушының азаматтығы;',
    majority: { 'kz-criminal': 'ең жиі нәтиже (бас бостандығынан айыру)', 'kz-civil-contract': 'ең жиі нәтиже (толық қанағаттандырылды)' },
  },
} as const;

describe("the model card speaks the reader's language, not the trainer's English", () => {
  it.each(shipped)('$folder: intended use, split, limitations and baselines in Kazakh and Russian', async ({ card, caseType }) => {
    const id = card.caseType.id as 'kz-criminal' | 'kz-civil-contract';
    for (const language of ['kk', 'ru'] as const) {
      const words = expected[language];
      await show(card, caseType, language);
      const dialog = need('model-card-dialog').textContent!;
      for (const template of englishTemplates) expect(dialog).not.toMatch(template);
      // Raw codes: everywhere except the file name and hashes, which are identifiers a reviewer checks as written.
      const prose = ['model-card-intended-use', 'model-card-split', 'model-card-limitations', 'model-card-validation', 'model-card-backtest'].map((tid) => need(tid).textContent!).join('\n');
      expect(prose).not.toMatch(rawCodes);
      // Dates in sentences are written as the locale writes them (the backtest table keeps ISO dates in its columns).
      for (const tid of ['model-card-intended-use', 'model-card-split', 'model-card-limitations']) expect(need(tid).textContent).not.toMatch(isoDate);
      // The title names the outcome too: the term and the punishment models share one case type.
      expect(document.getElementById('model-card-title')!.textContent).toBe(
        `${language === 'kk' ? 'Модель картасы' : 'Карточка модели'}: ${words.caseTypes[id]} — ${words.outcomes[card.outcome.name as keyof typeof words.outcomes]}`,
      );

      expect(need('model-card-kind').textContent).toContain(language === 'kk' ? 'түсіндірілетін бустинг моделі (EBM)' : 'объяснимая модель бустинга (EBM)');
      const intendedUse = need('model-card-intended-use').textContent!;
      expect(intendedUse).toContain(words.intendedUse);
      expect(intendedUse).toContain(`«${words.outcomes[card.outcome.name as keyof typeof words.outcomes]}»`);
      expect(intendedUse).toContain(`«${words.caseTypes[id]}»`);

      expect(need('model-card-split').textContent).toContain(words.split[id]);
      expect(need('model-card-split').textContent).toContain('2024');

      const limits = need('model-card-limitations').textContent!;
      for (const limit of words.limits) expect(limits).toContain(limit);
      if (id === 'kz-criminal') expect(limits).toContain(words.protected);
      expect(need('model-card-limitations').querySelectorAll('li')).toHaveLength(card.limitations.length);

      if (card.outcome.kind === 'classification') {
        expect(need('model-card-validation').textContent).toContain(words.majority[id]);
        expect(need('model-card-backtest').textContent).toContain(words.majority[id]);
      }
      cleanup();
    }
  });

  it('shows a limitation or split that is not one of the trainer\'s templates as its case type author wrote it', async () => {
    const { card, caseType } = shipped.find((s) => s.card.caseType.id === 'kz-criminal')!;
    const own = 'Приговоры апелляционной инстанции не включены.';
    const almost = 'defendantSex are never an input, but inputs may correlate with protected attributes; see the disparity report.';
    await show({ ...card, limitations: [own, almost], validation: { ...card.validation, split: 'cases of 2019–2023 against 2024' } }, caseType, 'ru');
    const items = Array.from(need('model-card-limitations').querySelectorAll('li'), (li) => li.textContent);
    // "are" with one attribute is not what the trainer writes, so it is not taken for its sentence.
    expect(items).toEqual([own, almost]);
    expect(need('model-card-split').textContent).toContain('cases of 2019–2023 against 2024');
  });

  it('says a random split in words and names unknown protected attributes by the general phrase', async () => {
    const { card } = shipped.find((s) => s.card.caseType.id === 'kz-criminal')!;
    const split = 'random 20% held out (seed 7)';
    await show(
      {
        ...card,
        limitations: [`Validated on cases held out at random from the same data (${split}); on later cases accuracy may be lower.`, 'MONSEX, NEWRACE are never an input, but inputs may correlate with protected attributes; see the disparity report.'],
        validation: { ...card.validation, split },
      },
      null,
      'ru',
    );
    expect(need('model-card-split').textContent).toContain('20% дел отложены для проверки случайным образом (начальное число 7)');
    const limits = need('model-card-limitations').textContent!;
    expect(limits).toContain('Проверена на делах, случайно отложенных из тех же данных (20% дел отложены');
    expect(limits).toContain('Никогда не подаются на вход модели: защищённые признаки (пол, гражданство и т. п.);');
    expect(limits).not.toMatch(/MONSEX|NEWRACE|random|seed/);
  });
});
