/** Summary phrases for an expert's own measurements in the viewer (module 'manual'). */
import type { SummaryModule } from '../summary-types.ts';

/** How manual distance and angle measurements are summarised. */
export const manualSummary: SummaryModule = {
  module: 'manual',
  fractionDigits: { distance: 1, angle: 1 },
  phrases: {
    en: {
      subject: { distance: 'Distance measured by the expert', angle: 'Angle measured by the expert', '*': 'Note by the expert' },
      method: { '*': ['Distances and angles were measured by the expert on the calibrated surfaces in the comparison viewer.'] },
      measurements: { distance: ['Distance: {distance}.'], angle: ['Angle: {angle}.'] },
      labels: { distance: 'distance', angle: 'angle' },
      words: {},
      limitations: ['Manual measurements depend on the points the expert placed on the surfaces.'],
    },
    ru: {
      subject: { distance: 'Расстояние, измеренное экспертом', angle: 'Угол, измеренный экспертом', '*': 'Заметка эксперта' },
      method: { '*': ['Расстояния и углы измерены экспертом на откалиброванных поверхностях в окне сравнения.'] },
      measurements: { distance: ['Расстояние: {distance}.'], angle: ['Угол: {angle}.'] },
      labels: { distance: 'расстояние', angle: 'угол' },
      words: {},
      limitations: ['Ручные измерения зависят от точек, отмеченных экспертом на поверхностях.'],
    },
    kk: {
      subject: { distance: 'Сарапшы өлшеген қашықтық', angle: 'Сарапшы өлшеген бұрыш', '*': 'Сарапшының ескертпесі' },
      method: { '*': ['Қашықтықтар мен бұрыштарды сарапшы салыстыру терезесінде калибрленген беттерде өлшеді.'] },
      measurements: { distance: ['Қашықтық: {distance}.'], angle: ['Бұрыш: {angle}.'] },
      labels: { distance: 'қашықтық', angle: 'бұрыш' },
      words: {},
      limitations: ['Қолмен өлшеу сарапшы беттерде белгілеген нүктелерге байланысты.'],
    },
  },
};
