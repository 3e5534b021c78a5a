/** The fixed wording of the lab report PDF in each language; the summary brings its own. */
import type { caseTypes } from '../../contract/index.ts';
import type { SummaryLanguage } from './summary/summary-types.ts';

/** The report's fixed wording in one language. */
export interface LabReportLabels {
  readonly title: string;
  readonly caseNumber: string;
  readonly venue: string;
  readonly caseType: string;
  /** Names of the case types, as the interface shows them. */
  readonly caseTypes: Readonly<Record<(typeof caseTypes)[number], string>>;
  readonly parties: string;
  readonly evidence: string;
  readonly evidenceName: string;
  readonly evidenceKind: string;
  readonly evidenceSize: string;
  readonly bytes: string;
  readonly images: string;
  readonly findings: string;
  readonly noFindings: string;
  readonly finding: string;
  readonly originLabel: string;
  readonly recorded: string;
  readonly origin: Readonly<Record<'model' | 'model-edited' | 'manual', string>>;
  readonly measurements: string;
  readonly threshold: string;
  readonly conclusion: string;
  readonly none: string;
  readonly provenance: string;
  readonly inputs: string;
  readonly review: string;
  readonly notReviewed: string;
  readonly decisions: Readonly<Record<'accepted' | 'rejected' | 'amended', string>>;
  readonly reason: string;
  readonly reviewer: string;
  readonly amendmentOf: string;
  readonly supersededBy: string;
  readonly summary: string;
  readonly signatures: string;
  readonly reviewState: string;
  readonly states: Readonly<Record<'draft' | 'in-review' | 'verified' | 'signed', string>>;
  readonly noSignatures: string;
  readonly signatureNotCurrent: string;
  readonly meanings: Readonly<Record<'reviewed' | 'technical-review' | 'approved', string>>;
  readonly auditEntry: string;
  readonly checkpoint: string;
  readonly checkpointCovers: string;
  readonly treeSize: string;
  readonly rootHash: string;
  readonly keyId: string;
  readonly signedAt: string;
  readonly signedNote: string;
  readonly generated: string;
  readonly page: string;
  readonly notDrawable: string;
}

/** Report wording by language. */
export const labReportLabels: Readonly<Record<SummaryLanguage, LabReportLabels>> = {
  en: {
    title: 'Laboratory report',
    caseNumber: 'Case number',
    venue: 'Venue',
    caseType: 'Case type',
    caseTypes: { criminal: 'Criminal', civil: 'Civil', administrative: 'Administrative', 'forensic-examination': 'Forensic examination' },
    parties: 'Parties',
    evidence: 'Evidence',
    evidenceName: 'Name',
    evidenceKind: 'Kind',
    evidenceSize: 'Size',
    bytes: 'bytes',
    images: 'Images and overlays',
    findings: 'Findings and review decisions',
    noFindings: 'The case has no findings.',
    finding: 'Finding',
    originLabel: 'Origin',
    recorded: 'Recorded by',
    origin: { model: 'produced by an algorithm', 'model-edited': 'algorithm finding amended by the expert', manual: 'measured by the expert' },
    measurements: 'Measurements',
    threshold: 'threshold',
    conclusion: 'Conclusion',
    none: 'none',
    provenance: 'Provenance',
    inputs: 'Inputs',
    review: 'Review',
    notReviewed: 'not reviewed yet',
    decisions: { accepted: 'accepted', rejected: 'rejected', amended: 'amended' },
    reason: 'Reason',
    reviewer: 'Reviewer',
    amendmentOf: 'Amendment of finding',
    supersededBy: 'Replaced by the amendment',
    summary: 'Summary',
    signatures: 'Review and signatures',
    reviewState: 'Review state',
    states: { draft: 'draft', 'in-review': 'in review', verified: 'verified', signed: 'signed' },
    noSignatures: 'No signatures yet.',
    signatureNotCurrent: 'no longer current: the case was reopened after it',
    meanings: { reviewed: 'reviewed', 'technical-review': 'technical review', approved: 'approved' },
    auditEntry: 'audit entry',
    checkpoint: 'Audit checkpoint',
    checkpointCovers: 'This signed checkpoint covers the audit entries of every finding, review decision and signature in this report.',
    treeSize: 'Tree size (entries)',
    rootHash: 'Root hash (SHA-256, base64)',
    keyId: 'Signing key',
    signedAt: 'Signed at',
    signedNote: 'Signed note',
    generated: 'Report generated',
    page: 'page',
    notDrawable: 'not drawable in the report',
  },
  ru: {
    title: 'Заключение лаборатории',
    caseNumber: 'Номер дела',
    venue: 'Орган',
    caseType: 'Вид дела',
    caseTypes: { criminal: 'Уголовное', civil: 'Гражданское', administrative: 'Административное', 'forensic-examination': 'Судебная экспертиза' },
    parties: 'Стороны',
    evidence: 'Объекты исследования',
    evidenceName: 'Имя',
    evidenceKind: 'Тип',
    evidenceSize: 'Размер',
    bytes: 'байт',
    images: 'Изображения и наложения',
    findings: 'Результаты и решения по проверке',
    noFindings: 'В деле нет результатов.',
    finding: 'Результат',
    originLabel: 'Происхождение результата',
    recorded: 'Записал',
    origin: { model: 'получен алгоритмом', 'model-edited': 'результат алгоритма, изменённый экспертом', manual: 'измерен экспертом' },
    measurements: 'Измерения',
    threshold: 'порог',
    conclusion: 'Вывод',
    none: 'нет',
    provenance: 'Происхождение',
    inputs: 'Входные данные',
    review: 'Проверка',
    notReviewed: 'ещё не проверен',
    decisions: { accepted: 'принят', rejected: 'отклонён', amended: 'изменён' },
    reason: 'Основание',
    reviewer: 'Проверил',
    amendmentOf: 'Изменение результата',
    supersededBy: 'Заменён изменённым результатом',
    summary: 'Сводка',
    signatures: 'Проверка и подписи',
    reviewState: 'Состояние проверки',
    states: { draft: 'черновик', 'in-review': 'на проверке', verified: 'проверено', signed: 'подписано' },
    noSignatures: 'Подписей ещё нет.',
    signatureNotCurrent: 'утратила силу: после неё дело было возобновлено',
    meanings: { reviewed: 'проверено', 'technical-review': 'техническая проверка', approved: 'утверждено' },
    auditEntry: 'запись журнала',
    checkpoint: 'Контрольная точка журнала аудита',
    checkpointCovers: 'Эта подписанная контрольная точка охватывает записи журнала аудита обо всех результатах, решениях по проверке и подписях в этом заключении.',
    treeSize: 'Размер дерева (записей)',
    rootHash: 'Корневой хеш (SHA-256, base64)',
    keyId: 'Ключ подписи',
    signedAt: 'Подписано',
    signedNote: 'Подписанная запись',
    generated: 'Заключение сформировано',
    page: 'стр.',
    notDrawable: 'не может быть показано в заключении',
  },
  kk: {
    title: 'Зертхана қорытындысы',
    caseNumber: 'Іс нөмірі',
    venue: 'Орган',
    caseType: 'Іс түрі',
    caseTypes: { criminal: 'Қылмыстық', civil: 'Азаматтық', administrative: 'Әкімшілік', 'forensic-examination': 'Сот сараптамасы' },
    parties: 'Тараптар',
    evidence: 'Зерттеу объектілері',
    evidenceName: 'Атауы',
    evidenceKind: 'Түрі',
    evidenceSize: 'Өлшемі',
    bytes: 'байт',
    images: 'Суреттер мен қабаттасулар',
    findings: 'Нәтижелер және тексеру шешімдері',
    noFindings: 'Істе нәтижелер жоқ.',
    finding: 'Нәтиже',
    originLabel: 'Нәтиженің шығу тегі',
    recorded: 'Жазған',
    origin: { model: 'алгоритм шығарған', 'model-edited': 'сарапшы түзеткен алгоритм нәтижесі', manual: 'сарапшы өлшеген' },
    measurements: 'Өлшемдер',
    threshold: 'шегі',
    conclusion: 'Қорытынды',
    none: 'жоқ',
    provenance: 'Шығу тегі',
    inputs: 'Кіріс деректер',
    review: 'Тексеру',
    notReviewed: 'әлі тексерілмеген',
    decisions: { accepted: 'қабылданды', rejected: 'қабылданбады', amended: 'түзетілді' },
    reason: 'Негіздеме',
    reviewer: 'Тексерген',
    amendmentOf: 'Нәтиженің түзетуі',
    supersededBy: 'Түзетілген нәтижемен ауыстырылды',
    summary: 'Түйіндеме',
    signatures: 'Тексеру және қолтаңбалар',
    reviewState: 'Тексеру күйі',
    states: { draft: 'жоба', 'in-review': 'тексерілуде', verified: 'тексерілді', signed: 'қол қойылды' },
    noSignatures: 'Қолтаңбалар әлі жоқ.',
    signatureNotCurrent: 'күші жойылды: одан кейін іс қайта ашылды',
    meanings: { reviewed: 'тексерілді', 'technical-review': 'техникалық тексеру', approved: 'бекітілді' },
    auditEntry: 'журнал жазбасы',
    checkpoint: 'Аудит журналының бақылау нүктесі',
    checkpointCovers: 'Бұл қол қойылған бақылау нүктесі осы қорытындыдағы барлық нәтижелер, тексеру шешімдері мен қолтаңбалар туралы аудит журналының жазбаларын қамтиды.',
    treeSize: 'Ағаш өлшемі (жазбалар)',
    rootHash: 'Түбір хеші (SHA-256, base64)',
    keyId: 'Қолтаңба кілті',
    signedAt: 'Қол қойылған уақыты',
    signedNote: 'Қол қойылған жазба',
    generated: 'Қорытынды жасалған уақыты',
    page: 'бет',
    notDrawable: 'қорытындыда көрсетілмейді',
  },
};
