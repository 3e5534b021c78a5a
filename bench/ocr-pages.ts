/**
 * Test pages for OCR measurements: A4 pages at 300 dpi rendered from known text (articles of the shared Russian
 * Criminal Code, and Kazakh text written here with every Kazakh letter), drawn by pdf-lib with the DejaVu Serif font
 * and rasterised by poppler's pdftoppm, then degraded like real scans: quarter turns plus skew, blur, and scanner
 * noise (Gaussian grain and speckle). The character error rate compares the recognised text with the known text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { seededRandom as random } from '../core/random.ts';
import { extractArticle } from '../main/services/decision/statute-text.ts';
import { blur, decodeGrey, rotateSmall, turn, type GreyPage, type QuarterTurn } from '../native/ocr/page-ops.ts';

const require = createRequire(import.meta.url);

/** Kazakh legal prose (written for this test) that uses ә ғ қ ң ө ұ ү һ і, upper and lower case. */
export const kazakhText = [
  'Қазақстан Республикасының Қылмыстық кодексінің 188-бабы. Ұрлық, яғни бөтен мүлікті жасырын түрде ұрлау, айыппұл салуға не түзеу жұмыстарына, не қоғамдық жұмыстарға тартуға, не бас бостандығын шектеуге, не сол мерзімге бас бостандығынан айыруға жазаланады.',
  'Сот отырысында сотталушы өз кінәсін толық мойындады және жәбірленушіге келтірілген залалды өз еркімен өтеді. Жәбірленуші сотталушымен татуласқанын және оған қатысты ешқандай талабы жоқ екенін мәлімдеді.',
  'Істің мән-жайларын зерттей келе, сот сотталушының әрекеттерінде ауырлататын мән-жайлар жоқ деп тапты. Жеңілдететін мән-жайлар ретінде шын өкінуі, қылмыстың ашылуына белсенді жәрдемдесуі және кәмелетке толмаған баласының болуы ескерілді.',
  'Үкім заңды күшіне енгеннен кейін заттай дәлелдемелер иесіне қайтарылсын. Үкімге Алматы қалалық сотына он бес тәулік ішінде апелляциялық шағым берілуі мүмкін. Һ әрпі сирек кездеседі, бірақ ол да танылуы керек: Һижра, аһ, қаһарман.',
  'Талап қоюшы жауапкерден негізгі қарыз ретінде екі миллион төрт жүз мың теңгені және тұрақсыздық айыбын өндіріп беруді сұрады. Шарт бойынша төлем мерзімі өткен, жауапкер өз міндеттемесін орындамаған, ескерту хатқа жауап бермеген.',
  'Өтініш білдірушінің дәлелдері тексеріліп, іс материалдарымен расталды. Сот шешімі ұлттық заңнамаға және халықаралық шарттарға сәйкес шығарылды; тараптардың құқықтары түсіндірілді.',
].join('\n');

/** The Russian page: articles 188, 190 and 191 of the shared Criminal Code text, null when the data is missing. */
export function russianText(): string | null {
  let source: string;
  try {
    source = readFileSync(new URL('../../shared/data/legal/kz_criminal_code.ru.txt', import.meta.url), 'utf8');
  } catch {
    return null;
  }
  const parts = ['188', '190'].map((n) => extractArticle(source, n)?.whole).filter((t): t is string => !!t);
  const text = parts.join('\n');
  // One A4 page at 11 pt holds about 2 000 characters of this text: cut at a word.
  return text.slice(0, text.lastIndexOf(' ', 1900));
}

/** Lays text out on A4 at 11 pt with 2 cm margins and rasterises it to a grey page at 300 dpi. */
export async function renderPage(text: string): Promise<GreyPage> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fontPath = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf');
  const font = await doc.embedFont(readFileSync(fontPath), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  const size = 11;
  const margin = 57;
  const width = 595.28 - 2 * margin;
  let y = 841.89 - margin - size;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        page.drawText(line, { x: margin, y, size, font });
        y -= size * 1.45;
        line = word;
      } else line = candidate;
    }
    if (line) page.drawText(line, { x: margin, y, size, font });
    y -= size * 1.45 + 4;
    if (y < margin) break;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dalel-ocr-page-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), await doc.save());
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', join(dir, 'page.pdf'), join(dir, 'page')]);
    return decodeGrey(readFileSync(join(dir, 'page.png')), 'page.png');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Shading of a photographed page: the light falls off towards one corner to `1 - dark` of its strength, and the
 * paper there turns as grey as the ink of a poorly lit photo (a global threshold then takes the corner for ink).
 */
export function unevenLight(page: GreyPage, dark: number): GreyPage {
  const data = new Uint8Array(page.data.length);
  for (let y = 0; y < page.height; y += 1) {
    for (let x = 0; x < page.width; x += 1) {
      const light = 1 - dark * ((0.6 * x) / page.width + (0.4 * y) / page.height);
      data[y * page.width + x] = Math.round(page.data[y * page.width + x]! * light * 0.85 + 20 * (1 - light));
    }
  }
  return { width: page.width, height: page.height, data };
}

/** Scanner noise: Gaussian grain of the given standard deviation and a fraction of black or white speckles. */
export function scannerNoise(page: GreyPage, sd: number, speckle: number, seed = 1): GreyPage {
  const next = random(seed);
  const data = new Uint8Array(page.data.length);
  for (let i = 0; i < data.length; i += 1) {
    const gauss = Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
    let v = page.data[i]! * 0.85 + 20 + gauss * sd;
    const s = next();
    if (s < speckle / 2) v = 0;
    else if (s < speckle) v = 255;
    data[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  return { ...page, data };
}

/** A named way of damaging a clean page. */
export interface Degradation {
  readonly name: string;
  readonly apply: (page: GreyPage) => GreyPage;
}

/** The degradations measured: quarter turns with skew, blur, noise, all of them together, and shaded photos. */
export const degradations: readonly Degradation[] = [
  { name: 'turned 90° + skew 2.5°', apply: (p) => turn(rotateSmall(p, 2.5), 90 as QuarterTurn) },
  { name: 'upside down + skew −1.5°', apply: (p) => turn(rotateSmall(p, -1.5), 180 as QuarterTurn) },
  { name: 'blur σ=1.2', apply: (p) => blur(p, 1.2) },
  { name: 'scanner noise', apply: (p) => scannerNoise(p, 18, 0.004) },
  { name: 'turned 270° + skew + blur + noise', apply: (p) => turn(scannerNoise(blur(rotateSmall(p, -2), 0.9), 14, 0.002, 7), 270 as QuarterTurn) },
  { name: 'photo, light falling to 30 %', apply: (p) => unevenLight(p, 0.7) },
  { name: 'photo, 40 % light + turned 90° + noise', apply: (p) => turn(scannerNoise(unevenLight(p, 0.6), 10, 0.002, 5), 90 as QuarterTurn) },
];

/** Text compared character by character: whitespace runs as one space, quotes and dashes in one form. */
export function normaliseForCer(text: string): string {
  return text.replace(/[«»“”„]/g, '"').replace(/[–—−]/g, '-').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Character error rate: edit distance between the normalised texts over the reference length. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const a = [...normaliseForCer(reference)];
  const b = [...normaliseForCer(hypothesis)];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return a.length === 0 ? 0 : previous[b.length]! / a.length;
}
