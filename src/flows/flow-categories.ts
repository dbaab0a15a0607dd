/**
 * The kinds of movement a flows table records (issue 17), and the words that
 * name them in English, French and Creole (accent- and case-insensitive). The
 * index of a category is its code in the engine's columns.
 */
import { normaliseFieldName } from '../io/field-names';

export const FLOW_CATEGORIES = [
  'repatriation_land',
  'repatriation_air',
  'repatriation_sea',
  'internal',
] as const;
export type FlowCategory = (typeof FLOW_CATEGORIES)[number];

const WORDS: Record<FlowCategory, readonly string[]> = {
  repatriation_land: [
    'repatriation land',
    'repatriation by land',
    'rapatriement terrestre',
    'land',
    'terrestre',
    'terre',
    'rapatriman pa te',
  ],
  repatriation_air: [
    'repatriation air',
    'repatriation by air',
    'rapatriement aerien',
    'air',
    'aerien',
    'rapatriman pa avyon',
  ],
  repatriation_sea: [
    'repatriation sea',
    'repatriation by sea',
    'rapatriement maritime',
    'sea',
    'maritime',
    'mer',
    'rapatriman pa bato',
  ],
  internal: [
    'internal',
    'internal displacement',
    'deplacement interne',
    'interne',
    'idp',
    'deplasman entèn',
    'deplasman anndan peyi a',
  ],
};

const BY_WORD = new Map<string, FlowCategory>(
  FLOW_CATEGORIES.flatMap((category) => [
    [normaliseFieldName(category), category] as const,
    ...WORDS[category].map((word) => [normaliseFieldName(word), category] as const),
  ]),
);

/** The category a cell names, or undefined when it names none (the row is reported, never guessed). */
export function parseFlowCategory(cell: string): FlowCategory | undefined {
  return BY_WORD.get(normaliseFieldName(cell));
}

/** People in a repatriation come from abroad: their origin counts as outside every commune. */
export function isRepatriation(category: FlowCategory): boolean {
  return category !== 'internal';
}
