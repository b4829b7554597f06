// `campaign-wizard/schema`: the payload schema and the pure model, with no DOM or Lit.
export * from './model/index.js';
