/** Summary phrases for an expert's own measurements in the viewer (module 'manual'). */
import type { SummaryModule } from '../summary-types.ts';

/** How manual distance and angle measurements are summarised. */
export const manualSummary: SummaryModule = {
  module: 'manual',
  fractionDigits: { 'manual.distance': 1, 'manual.angle': 1 },
  phrases: {
    en: {
      subject: { distance: 'Distance measured by the expert', angle: 'Angle measured by the expert', '*': 'Note by the expert' },
      method: { '*': ['Distances and angles were measured by the expert on the calibrated surfaces in the comparison viewer.'] },
      measurements: { distance: ['Distance: {manual.distance}.'], angle: ['Angle: {manual.angle}.'] },
      labels: { 'manual.distance': 'distance', 'manual.angle': 'angle' },
      words: {},
      limitations: ['Manual measurements depend on the points the expert placed on the surfaces.'],
    },
    ru: {
      subject: { distance: 'Расстояние, измеренное экспертом', angle: 'Угол, измеренный экспертом', '*': 'Заметка эксперта' },
      method: { '*': ['Расстояния и углы измерены экспертом на откалиброванных поверхностях в окне сравнения.'] },
      measurements: { distance: ['Расстояние: {manual.distance}.'], angle: ['Угол: {manual.angle}.'] },
      labels: { 'manual.distance': 'расстояние', 'manual.angle': 'угол' },
      words: {},
      limitations: ['Ручные измерения зависят от точек, отмеченных экспертом на поверхностях.'],
    },
    kk: {
      subject: { distance: 'Сарапшы өлшеген қашықтық', angle: 'Сарапшы өлшеген бұрыш', '*': 'Сарапшының ескертпесі' },
      method: { '*': ['Қашықтықтар мен бұрыштарды сарапшы салыстыру терезесінде калибрленген беттерде өлшеді.'] },
      measurements: { distance: ['Қашықтық: {manual.distance}.'], angle: ['Бұрыш: {manual.angle}.'] },
      labels: { 'manual.distance': 'қашықтық', 'manual.angle': 'бұрыш' },
      words: {},
      limitations: ['Қолмен өлшеу сарапшы беттерде белгілеген нүктелерге байланысты.'],
    },
  },
};
