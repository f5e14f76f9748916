import type { DocModel, Para } from '../model.js';

/** Every paragraph a reader sees: the document's, then its headers' and footers'. */
export const allParas = (model: DocModel): Para[] => [
  ...model.paras,
  ...[...model.parts.values()].flatMap((p) => p.paras),
];
