/**
 * `dalel ask "QUESTION"`: a plain-language question answered from the legal-acts store (the workstation's imported
 * codes, or the shared official texts when none are imported) and the shared fact extractors; with --user (a judge),
 * the same consultation as the facts form once the question states the facts it needs.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliContext } from './context.ts';
import type { Consultation } from '../contract/index.ts';
import { LawStore } from '../services/laws/law-store.ts';
import { askQuestion, type QuestionAnswer } from '../services/questions/ask.ts';
import type { TextLanguage } from '../services/legal-text/language.ts';
import { DalelError } from '../services/errors.ts';

/** The law store to search: the workstation's when it holds the codes questions need, else the shared texts. */
function lawStore(context: CliContext): { store: LawStore; source: 'workstation' | 'shared' } {
  const laws = context.open().laws;
  if (laws.currentVersion('criminal') && laws.currentVersion('civil')) return { store: laws, source: 'workstation' };
  try {
    return { store: LawStore.withSharedCodes(['criminal', 'civil', 'civil-procedure']), source: 'shared' };
  } catch {
    throw new DalelError('NOT_FOUND', 'No legal texts to search: import the codes with `dalel laws import` first.');
  }
}

function human(answer: QuestionAnswer, consultations: readonly Consultation[] | null): string {
  const lines = [`case type: ${answer.caseType ?? 'not recognised'} (${answer.caseTypeConfidence}); language: ${answer.language ?? '?'}`, 'articles:'];
  for (const a of answer.articles) lines.push(`  ${a.code} art. ${a.article}${a.part ? ` part ${a.part}` : ''} (${a.score}): ${a.heading}\n    ${a.text.slice(0, 300)}`);
  lines.push('facts read from the question:');
  for (const f of answer.facts) lines.push(`  ${f.field} = ${JSON.stringify(f.value)} («${answer.question.slice(f.span.start, f.span.end)}», ${f.confidence})`);
  lines.push(`still needed: ${answer.missing.join(', ') || 'nothing'}`);
  if (consultations) for (const c of consultations) lines.push(`consultation ${c.outcome}: ${JSON.stringify(c.kind === 'regression' ? { value: c.value, interval80: c.interval80 } : c.probabilities)}${c.abstention.refer ? ' — refer to a human' : ''}`);
  return lines.join('\n');
}

/** Registers `dalel ask`. */
export function addQuestionsCommands(program: Command, context: CliContext): void {
  program
    .command('ask')
    .description('answer a plain-language question (Russian, Kazakh or English): case type, articles and parts with their text, the facts it states, the facts still needed, and (with --user, a judge) the consultation once the facts suffice')
    .argument('<question>', 'the question, in quotes')
    .addOption(new Option('--lang <language>', 'language of the question (default: detected)').choices(['kaz', 'rus', 'eng']))
    .option('--limit <n>', 'how many articles', '5')
    .action(async (question: string, opts: { lang?: TextLanguage; limit: string }) => {
      if (question.trim() === '') throw new DalelError('VALIDATION', 'The question is empty.', { field: 'question' });
      const { store, source } = lawStore(context);
      const answer = askQuestion(question, store, { language: opts.lang, limit: Math.max(1, Number(opts.limit) || 5) });
      let consultations: Consultation[] | null = null;
      let consultationNote: string | null = null;
      if (answer.consultationFacts && answer.caseType) {
        if (context.options.user) {
          await context.login();
          const models = context.open().decision.models().filter((m) => m.caseType === answer.caseType);
          consultations = [];
          for (const model of models) consultations.push(await context.call('decision.predict', { modelSha256: model.sha256, facts: answer.consultationFacts }));
          if (models.length === 0) consultationNote = `no model is installed for ${answer.caseType}`;
        } else consultationNote = 'the facts suffice; run with --user (a judge) for the consultation';
      }
      const { articles, caseTypeConfidence, concepts, facts, missing, language } = answer;
      context.print(
        { question, language, caseType: answer.caseType, caseTypeConfidence, lawSource: source, articles, concepts, facts, missing, consultationFacts: answer.consultationFacts, consultation: consultations, consultationNote },
        () => human(answer, consultations) + (consultationNote ? `\n(${consultationNote})` : ''),
      );
    });
}
