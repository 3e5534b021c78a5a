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
  /** A finding that records measurements without drawing a conclusion ("none" alone would read as a negative one). */
  readonly noConclusion: string;
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
  /** Across every page of a report whose case is not signed. */
  readonly draftWatermark: string;
  readonly draftNotice: string;
  /** In the top margin of every page of an unsigned report. */
  readonly draftHeader: string;
  /** A finding the expert made (a manual measurement or an amendment): creating it was the decision. */
  readonly ownWork: string;
  readonly method: string;
  readonly parameters: string;
  readonly automatic: string;
  readonly valuesFromTo: string;
  readonly otherParameters: string;
  readonly preprocessing: string;
  readonly modelHash: string;
  readonly covers: string;
  readonly coversFindings: string;
  readonly coversEvidence: string;
  readonly coverageNotRecorded: string;
  readonly notCovered: string;
  /** Names of the analysis methods, by provenance algorithm. */
  readonly methods: Readonly<Record<string, string>>;
  /** Names of the analysis parameters, by parameter key. */
  readonly parameterNames: Readonly<Record<string, string>>;
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
    noConclusion: 'none drawn (measurements only)',
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
    draftWatermark: 'DRAFT',
    draftHeader: 'DRAFT — not signed, not a laboratory report',
    draftNotice: 'DRAFT: the case is not signed. This document is not a signed laboratory report and its findings may still change.',
    ownWork: "decided: the expert's own measurement or amendment",
    method: 'Method',
    parameters: 'Parameters',
    automatic: 'automatic',
    valuesFromTo: '{from} to {to} in {count} steps',
    otherParameters: 'further parameters, recorded in the audit log',
    preprocessing: 'Preprocessing',
    modelHash: 'model SHA-256',
    covers: 'What this signature covers',
    coversFindings: 'Findings',
    coversEvidence: 'Evidence items',
    coverageNotRecorded: 'not recorded for this signature (signed before coverage was recorded); its audit entry holds the SHA-256 of the findings it signed.',
    notCovered: 'Not covered by the current signature (added after it was made)',
    methods: {
      'congruent-matching-cells': 'Congruent Matching Cells (CMC) comparison of breech-face impressions',
      'bullet-land-signatures': 'Comparison of bullet land signatures',
      'cartridge-case-preprocess': 'preparation of the cartridge-case surface',
      'manual.distance': 'distance measured by the expert',
      'manual.angle': 'angle measured by the expert',
      'manual.note': 'note by the expert',
      'drugs-spot-plate': 'reading of a reagent spot-plate colour test (NIJ Standard-0604.01) from a colour-calibrated photograph',
      'drugs-lateral-flow': 'reading of a lateral-flow drug-screening cassette from a colour-calibrated photograph',
      'drugs-pad-card': 'reading of a paper analytical device (PAD) card by the PAD model',
    },
    parameterNames: {
      cellsX: 'cells along x',
      cellsY: 'cells along y',
      maxMissingProportion: 'largest missing fraction of a cell',
      regionSideMultiplier: 'search region side (cell sides)',
      thetas: 'rotations tried (°)',
      ccfThreshold: 'least cross-correlation',
      thetaThreshold: 'largest rotation difference (°)',
      translationThreshold: 'largest translation difference (px)',
      cmcThreshold: 'CMCs needed for identification',
      profileAxis: 'profile axis',
      crosscutStartUm: 'first crosscut height (µm)',
      crosscutStepUm: 'crosscut step (µm)',
      crosscutMinCcf: 'least crosscut correlation',
      crosscutMinPresent: 'least present fraction of a crosscut',
      grooveSmoothUm: 'groove smoothing (µm)',
      grooveAdjustUm: 'groove adjustment (µm)',
      grooveCutoffUm: 'groove search width (µm)',
      curvatureSpan: 'curvature smoothing span',
      smoothingSpan: 'signature smoothing span',
      minOverlap: 'least overlap of aligned signatures',
      striaeSmoothUm: 'striae smoothing (µm)',
      stepUm: 'profile step (µm)',
      landCount: 'lands per bullet',
      landThreshold: 'land score needed for a match',
    },
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
    noConclusion: 'не делается (только измерения)',
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
    draftWatermark: 'ЧЕРНОВИК',
    draftHeader: 'ЧЕРНОВИК — не подписано, не является заключением лаборатории',
    draftNotice: 'ЧЕРНОВИК: дело не подписано. Этот документ не является подписанным заключением лаборатории, его результаты ещё могут измениться.',
    ownWork: 'решено: собственное измерение или изменение эксперта',
    method: 'Метод',
    parameters: 'Параметры',
    automatic: 'автоматически',
    valuesFromTo: 'от {from} до {to}, {count} значений',
    otherParameters: 'прочие параметры записаны в журнале аудита',
    preprocessing: 'Подготовка',
    modelHash: 'SHA-256 модели',
    covers: 'Что охватывает эта подпись',
    coversFindings: 'Результаты',
    coversEvidence: 'Объекты исследования',
    coverageNotRecorded: 'не записано для этой подписи (подписано до того, как охват стал записываться); её запись журнала содержит SHA-256 подписанных результатов.',
    notCovered: 'Не охвачены действующей подписью (добавлены после неё)',
    methods: {
      'congruent-matching-cells': 'сравнение следов патронника методом конгруэнтных совпадающих ячеек (CMC)',
      'bullet-land-signatures': 'сравнение профилей следов полей нарезов пули',
      'cartridge-case-preprocess': 'подготовка поверхности гильзы',
      'manual.distance': 'расстояние, измеренное экспертом',
      'manual.angle': 'угол, измеренный экспертом',
      'manual.note': 'заметка эксперта',
      'drugs-spot-plate': 'считывание капельной цветной пробы (стандарт NIJ 0604.01) по фотоснимку с цветокоррекцией',
      'drugs-lateral-flow': 'считывание иммунохроматографической тест-кассеты на наркотики по фотоснимку с цветокоррекцией',
      'drugs-pad-card': 'считывание бумажной аналитической карты (PAD) моделью PAD',
    },
    parameterNames: {
      cellsX: 'ячеек по оси x',
      cellsY: 'ячеек по оси y',
      maxMissingProportion: 'наибольшая доля пропусков в ячейке',
      regionSideMultiplier: 'сторона области поиска (в сторонах ячейки)',
      thetas: 'проверенные повороты (°)',
      ccfThreshold: 'наименьшая взаимная корреляция',
      thetaThreshold: 'наибольшее расхождение поворота (°)',
      translationThreshold: 'наибольшее расхождение сдвига (пикс.)',
      cmcThreshold: 'ячеек CMC для идентификации',
      profileAxis: 'ось профиля',
      crosscutStartUm: 'высота первого сечения (мкм)',
      crosscutStepUm: 'шаг сечений (мкм)',
      crosscutMinCcf: 'наименьшая корреляция сечений',
      crosscutMinPresent: 'наименьшая доля данных в сечении',
      grooveSmoothUm: 'сглаживание бороздок (мкм)',
      grooveAdjustUm: 'поправка границ бороздок (мкм)',
      grooveCutoffUm: 'ширина поиска бороздок (мкм)',
      curvatureSpan: 'окно сглаживания кривизны',
      smoothingSpan: 'окно сглаживания профиля',
      minOverlap: 'наименьшее перекрытие профилей',
      striaeSmoothUm: 'сглаживание трас (мкм)',
      stepUm: 'шаг профиля (мкм)',
      landCount: 'полей нарезов на пуле',
      landThreshold: 'оценка поля для совпадения',
    },
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
    noConclusion: 'жасалмайды (тек өлшемдер)',
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
    draftWatermark: 'ЖОБА',
    draftHeader: 'ЖОБА — қол қойылмаған, зертхана қорытындысы емес',
    draftNotice: 'ЖОБА: іске қол қойылмаған. Бұл құжат қол қойылған зертхана қорытындысы емес, оның нәтижелері әлі өзгеруі мүмкін.',
    ownWork: 'шешілді: сарапшының өз өлшемі немесе түзетуі',
    method: 'Әдіс',
    parameters: 'Параметрлер',
    automatic: 'автоматты',
    valuesFromTo: '{from} бастап {to} дейін, {count} мән',
    otherParameters: 'басқа параметрлер аудит журналында жазылған',
    preprocessing: 'Дайындау',
    modelHash: 'модельдің SHA-256',
    covers: 'Бұл қолтаңба нені қамтиды',
    coversFindings: 'Нәтижелер',
    coversEvidence: 'Зерттеу объектілері',
    coverageNotRecorded: 'бұл қолтаңба үшін жазылмаған (қамту жазыла бастағанға дейін қол қойылған); оның журнал жазбасында қол қойылған нәтижелердің SHA-256 бар.',
    notCovered: 'Қолданыстағы қолтаңбамен қамтылмаған (одан кейін қосылған)',
    methods: {
      'congruent-matching-cells': 'гильза түбіндегі іздерді сәйкес келетін конгруэнтті ұяшықтар (CMC) әдісімен салыстыру',
      'bullet-land-signatures': 'оқтың ойық аралықтары іздерінің профильдерін салыстыру',
      'cartridge-case-preprocess': 'гильза бетін дайындау',
      'manual.distance': 'сарапшы өлшеген қашықтық',
      'manual.angle': 'сарапшы өлшеген бұрыш',
      'manual.note': 'сарапшының ескертпесі',
      'drugs-spot-plate': 'түсі түзетілген фотосурет бойынша тамшы түсті сынамасын (NIJ 0604.01 стандарты) оқу',
      'drugs-lateral-flow': 'түсі түзетілген фотосурет бойынша есірткіге арналған иммунохроматографиялық тест-кассетаны оқу',
      'drugs-pad-card': 'қағаз аналитикалық картаны (PAD) PAD моделімен оқу',
    },
    parameterNames: {
      cellsX: 'x осі бойынша ұяшықтар',
      cellsY: 'y осі бойынша ұяшықтар',
      maxMissingProportion: 'ұяшықтағы жетіспейтін деректердің ең үлкен үлесі',
      regionSideMultiplier: 'іздеу аймағының қабырғасы (ұяшық қабырғасымен)',
      thetas: 'тексерілген бұрылыстар (°)',
      ccfThreshold: 'ең аз өзара корреляция',
      thetaThreshold: 'бұрылыстың ең үлкен айырмасы (°)',
      translationThreshold: 'ығысудың ең үлкен айырмасы (пикс.)',
      cmcThreshold: 'сәйкестендіруге қажет CMC ұяшықтары',
      profileAxis: 'профиль осі',
      crosscutStartUm: 'бірінші қиманың биіктігі (мкм)',
      crosscutStepUm: 'қималар қадамы (мкм)',
      crosscutMinCcf: 'қималардың ең аз корреляциясы',
      crosscutMinPresent: 'қимадағы деректердің ең аз үлесі',
      grooveSmoothUm: 'ойықтарды тегістеу (мкм)',
      grooveAdjustUm: 'ойық шекараларын түзету (мкм)',
      grooveCutoffUm: 'ойықтарды іздеу ені (мкм)',
      curvatureSpan: 'қисықтықты тегістеу терезесі',
      smoothingSpan: 'профильді тегістеу терезесі',
      minOverlap: 'профильдердің ең аз қабаттасуы',
      striaeSmoothUm: 'іздерді тегістеу (мкм)',
      stepUm: 'профиль қадамы (мкм)',
      landCount: 'оқтағы ойық аралықтар саны',
      landThreshold: 'сәйкестікке қажет ойық аралық бағасы',
    },
  },
};
