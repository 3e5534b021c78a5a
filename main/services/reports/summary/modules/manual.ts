/** Summary phrases for an expert's own measurements in the viewer (module 'manual'). */
import type { SummaryModule } from '../summary-types.ts';

/** How manual distance and angle measurements are summarised, by the keys the viewer records (measure-panel.tsx). */
export const manualSummary: SummaryModule = {
  module: 'manual',
  fractionDigits: { 'manual.distance': 2, 'manual.angle': 1, 'manual.pixelUm': 2 },
  phrases: {
    en: {
      subject: { distance: 'Distance measured by the expert', angle: 'Angle measured by the expert', '*': 'Note by the expert' },
      method: { '*': ['Distances and angles were measured by the expert on the calibrated surfaces in the comparison viewer.'] },
      measurements: {
        distance: ['Distance: {manual.distance}, between the points {manual.points} on a surface of pixel size {manual.pixelUm}.'],
        angle: ['Angle: {manual.angle}, between the points {manual.points} on a surface of pixel size {manual.pixelUm}.'],
      },
      labels: { 'manual.distance': 'distance', 'manual.angle': 'angle', 'manual.points': 'points (image pixels)', 'manual.pixelUm': 'pixel size' },
      words: {},
      limitations: ['Manual measurements depend on the points the expert placed on the surfaces.'],
    },
    ru: {
      subject: { distance: 'Расстояние, измеренное экспертом', angle: 'Угол, измеренный экспертом', '*': 'Заметка эксперта' },
      method: { '*': ['Расстояния и углы измерены экспертом на откалиброванных поверхностях в окне сравнения.'] },
      measurements: {
        distance: ['Расстояние: {manual.distance}, между точками {manual.points} на поверхности с размером пикселя {manual.pixelUm}.'],
        angle: ['Угол: {manual.angle}, между точками {manual.points} на поверхности с размером пикселя {manual.pixelUm}.'],
      },
      labels: { 'manual.distance': 'расстояние', 'manual.angle': 'угол', 'manual.points': 'точки (пиксели изображения)', 'manual.pixelUm': 'размер пикселя' },
      words: {},
      limitations: ['Ручные измерения зависят от точек, отмеченных экспертом на поверхностях.'],
    },
    kk: {
      subject: { distance: 'Сарапшы өлшеген қашықтық', angle: 'Сарапшы өлшеген бұрыш', '*': 'Сарапшының ескертпесі' },
      method: { '*': ['Қашықтықтар мен бұрыштарды сарапшы салыстыру терезесінде калибрленген беттерде өлшеді.'] },
      measurements: {
        distance: ['Қашықтық: {manual.distance}, пиксель өлшемі {manual.pixelUm} беттегі {manual.points} нүктелерінің арасында.'],
        angle: ['Бұрыш: {manual.angle}, пиксель өлшемі {manual.pixelUm} беттегі {manual.points} нүктелерінің арасында.'],
      },
      labels: { 'manual.distance': 'қашықтық', 'manual.angle': 'бұрыш', 'manual.points': 'нүктелер (сурет пиксельдері)', 'manual.pixelUm': 'пиксель өлшемі' },
      words: {},
      limitations: ['Қолмен өлшеу сарапшы беттерде белгілеген нүктелерге байланысты.'],
    },
  },
};
