/** Summary phrases for cartridge-case comparisons by Congruent Matching Cells (module 'ballistics.cartridge-case'). */
import type { SummaryModule } from '../../reports/summary/summary-types.ts';

/** How CMC comparisons of breech-face impressions are summarised. */
export const cartridgeCaseSummary: SummaryModule = {
  module: 'ballistics.cartridge-case',
  fractionDigits: { 'cmc.consensus.theta': 1, 'cmc.consensus.dx': 1, 'cmc.consensus.dy': 1, 'cmc.consensus.theta.bToA': 1, 'cmc.pixelUm': 2 },
  phrases: {
    en: {
      subject: { '*': 'Cartridge cases A and B (breech-face impressions)' },
      method: {
        '*': [
          'The breech-face impressions were compared by the Congruent Matching Cells (CMC) method: the reference surface is divided into cells, each cell is registered on the other surface, and the cells that agree with the consensus registration are counted in both directions.',
          'Identification threshold: {cmc.threshold} congruent matching {cmc.threshold#cell}.',
        ],
      },
      measurements: {
        '*': [
          'Cells compared: {cmc.cells.aToB} in direction A→B and {cmc.cells.bToA} in direction B→A.',
          'Direction A→B: {cmc.count.aToB} congruent matching {cmc.count.aToB#cell}; direction B→A: {cmc.count.bToA} congruent matching {cmc.count.bToA#cell}.',
          'CMC count of the pair: {cmc.count}.',
          'Consensus registration: rotation {cmc.consensus.theta}, shift {cmc.consensus.dx} horizontally and {cmc.consensus.dy} vertically.',
        ],
      },
      labels: {
        'cmc.count': 'CMC count',
        'cmc.count.aToB': 'CMC count A→B',
        'cmc.count.bToA': 'CMC count B→A',
        'cmc.threshold': 'CMC identification threshold',
        'cmc.consensus.theta': 'consensus rotation',
        'cmc.consensus.dx': 'consensus horizontal shift',
        'cmc.consensus.dy': 'consensus vertical shift',
        'cmc.cells.aToB': 'cells compared A→B',
        'cmc.cells.bToA': 'cells compared B→A',
        'cmc.consensus.theta.bToA': 'consensus rotation B→A',
        'cmc.pixelUm': 'pixel size',
        'cmc.param.ccfThreshold': 'cell correlation threshold',
        'cmc.param.thetaThreshold': 'rotation tolerance',
        'cmc.param.translationThreshold': 'shift tolerance',
      },
      words: { cell: { one: 'cell', other: 'cells' } },
      limitations: [
        'The CMC count depends on the scan quality, the cell size and the congruence criteria; it supports, but does not by itself establish, a common source, and is to be confirmed by the examiner’s comparison.',
      ],
    },
    ru: {
      subject: { '*': 'Гильзы A и B (следы патронного упора)' },
      method: {
        '*': [
          'Следы патронного упора сравнивались методом конгруэнтных совпадающих ячеек (CMC): поверхность-образец делится на ячейки, каждая ячейка совмещается с другой поверхностью, и ячейки, согласующиеся с общим совмещением, подсчитываются в обоих направлениях.',
          'Порог идентификации: {cmc.threshold} {cmc.threshold#cell}.',
        ],
      },
      measurements: {
        '*': [
          'Число сравненных ячеек: {cmc.cells.aToB} в направлении A→B и {cmc.cells.bToA} в направлении B→A.',
          'Направление A→B: {cmc.count.aToB} {cmc.count.aToB#matchingCell}; направление B→A: {cmc.count.bToA} {cmc.count.bToA#matchingCell}.',
          'Число CMC для пары: {cmc.count}.',
          'Общее совмещение: поворот {cmc.consensus.theta}, сдвиг {cmc.consensus.dx} по горизонтали и {cmc.consensus.dy} по вертикали.',
        ],
      },
      labels: {
        'cmc.count': 'число CMC',
        'cmc.count.aToB': 'число CMC A→B',
        'cmc.count.bToA': 'число CMC B→A',
        'cmc.threshold': 'порог идентификации CMC',
        'cmc.consensus.theta': 'общий поворот',
        'cmc.consensus.dx': 'общий сдвиг по горизонтали',
        'cmc.consensus.dy': 'общий сдвиг по вертикали',
        'cmc.cells.aToB': 'число сравненных ячеек A→B',
        'cmc.cells.bToA': 'число сравненных ячеек B→A',
        'cmc.consensus.theta.bToA': 'общий поворот B→A',
        'cmc.pixelUm': 'размер пикселя',
        'cmc.param.ccfThreshold': 'порог корреляции ячейки',
        'cmc.param.thetaThreshold': 'допуск по повороту',
        'cmc.param.translationThreshold': 'допуск по сдвигу',
      },
      words: {
        cell: { one: 'ячейка', few: 'ячейки', many: 'ячеек', other: 'ячейки' },
        matchingCell: { one: 'совпадающая ячейка', few: 'совпадающие ячейки', many: 'совпадающих ячеек', other: 'совпадающей ячейки' },
      },
      limitations: [
        'Число CMC зависит от качества сканирования, размера ячеек и критериев конгруэнтности; оно подтверждает, но само по себе не устанавливает общий источник и должно быть подтверждено сравнительным исследованием эксперта.',
      ],
    },
    kk: {
      subject: { '*': 'A және B гильзалары (патрон тірегінің іздері)' },
      method: {
        '*': [
          'Патрон тірегінің іздері сәйкес келетін конгруэнтті ұяшықтар (CMC) әдісімен салыстырылды: үлгі беті ұяшықтарға бөлінеді, әр ұяшық екінші бетпен беттестіріледі, ортақ беттестіруге сәйкес келетін ұяшықтар екі бағытта да саналады.',
          'Сәйкестендіру шегі: {cmc.threshold} {cmc.threshold#cell}.',
        ],
      },
      measurements: {
        '*': [
          'Салыстырылған ұяшықтар саны: A→B бағытында {cmc.cells.aToB}, B→A бағытында {cmc.cells.bToA}.',
          'A→B бағыты: сәйкес келетін {cmc.count.aToB} {cmc.count.aToB#cell}; B→A бағыты: сәйкес келетін {cmc.count.bToA} {cmc.count.bToA#cell}.',
          'Жұптың CMC саны: {cmc.count}.',
          'Ортақ беттестіру: бұрылу {cmc.consensus.theta}, көлденең ығысу {cmc.consensus.dx}, тік ығысу {cmc.consensus.dy}.',
        ],
      },
      labels: {
        'cmc.count': 'CMC саны',
        'cmc.count.aToB': 'CMC саны A→B',
        'cmc.count.bToA': 'CMC саны B→A',
        'cmc.threshold': 'CMC сәйкестендіру шегі',
        'cmc.consensus.theta': 'ортақ бұрылу',
        'cmc.consensus.dx': 'ортақ көлденең ығысу',
        'cmc.consensus.dy': 'ортақ тік ығысу',
        'cmc.cells.aToB': 'салыстырылған ұяшықтар саны A→B',
        'cmc.cells.bToA': 'салыстырылған ұяшықтар саны B→A',
        'cmc.consensus.theta.bToA': 'ортақ бұрылу B→A',
        'cmc.pixelUm': 'пиксель өлшемі',
        'cmc.param.ccfThreshold': 'ұяшық корреляциясының шегі',
        'cmc.param.thetaThreshold': 'бұрылудың рұқсат етілген ауытқуы',
        'cmc.param.translationThreshold': 'ығысудың рұқсат етілген ауытқуы',
      },
      // Kazakh nouns after a numeral stay singular.
      words: { cell: { other: 'ұяшық' } },
      limitations: [
        'CMC саны сканерлеу сапасына, ұяшық өлшеміне және конгруэнттілік өлшемшарттарына байланысты; ол ортақ шығу көзін қолдайды, бірақ өз бетінше оны анықтамайды және сарапшының салыстырмалы зерттеуімен расталуы тиіс.',
      ],
    },
  },
};
