/**
 * The series of rounds in the data manager: dated sites datasets only,
 * earliest first, the pair a comparison starts with, and only the latest
 * round shown on the map by default.
 */
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { layerDatasets } from '../../src/app/shown-datasets';
import { type Datasets, LAYER_IDS } from '../../src/domain/types';
import type { DatasetRecord } from '../../src/io/dataset-store';
import { type RoundCandidate, roundPair, roundSeries } from '../../src/rounds/round-series';

const candidate = (id: string, asOf?: string, label = id, role = 'sites'): RoundCandidate => ({
  id,
  name: `Sites ${id}`,
  role,
  featureCount: 10,
  ...(asOf ? { round: { asOf, label } } : {}),
});

describe('round series', () => {
  const series = roundSeries([
    candidate('r25', '2026-06-15', 'Round 25'),
    candidate('undated'),
    candidate('hazards', '2026-01-01', 'Flood zones', 'hazards'),
    candidate('r9', '2025-12-01', 'Round 9'),
    candidate('r10b', '2025-12-01', 'Round 10'),
    candidate('r24', '2026-03-15', 'Round 24'),
  ]);

  it('keeps dated sites datasets only, by date, then by label in numeric order', () => {
    expect(series.map((entry) => entry.id)).toEqual(['r9', 'r10b', 'r24', 'r25']);
  });

  it('compares the two latest rounds by default', () => {
    expect(roundPair(series)).toEqual({ base: 'r24', later: 'r25' });
    expect(roundPair(series.slice(0, 1))).toBeNull();
  });

  it('keeps a pair that is asked for, turned the right way round, and falls back when a round is gone', () => {
    expect(roundPair(series, { base: 'r9', later: 'r24' })).toEqual({ base: 'r9', later: 'r24' });
    expect(roundPair(series, { base: 'r25', later: 'r9' })).toEqual({ base: 'r9', later: 'r25' });
    expect(roundPair(series, { base: 'removed', later: 'r9' })).toEqual({ base: 'r24', later: 'r25' });
    expect(roundPair(series, { base: 'r9', later: 'r9' })).toEqual({ base: 'r24', later: 'r25' });
  });
});

const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };
const EMPTY_DATASETS = Object.fromEntries(
  LAYER_IDS.map((id) => [id, EMPTY_COLLECTION]),
) as unknown as Datasets;

describe('rounds on the map', () => {
  const records = (entries: readonly RoundCandidate[]): DatasetRecord[] =>
    entries.map((entry) => ({
      ...entry,
      role: 'sites',
      fieldMapping: null,
      importedAt: '2026-06-20T10:00:00.000Z',
      sourceFileName: `${entry.id}.csv`,
    }));
  const shownOf = (entries: readonly RoundCandidate[], visibility = new Map<string, boolean>()) => {
    const inputs = {
      demo: EMPTY_DATASETS,
      records: records(entries),
      collections: new Map(entries.map((entry) => [entry.id, EMPTY_COLLECTION])),
      unsaved: new Map(),
      visibility,
    };
    return layerDatasets(inputs)
      .filter((dataset) => dataset.kind === 'import')
      .map((dataset) => [dataset.id, dataset.shown]);
  };

  it('shows only the latest round of a site list by default, so no site is counted once per round', () => {
    const entries = [
      candidate('r23', '2026-03-15', 'Round 23'),
      candidate('r24', '2026-06-15', 'Round 24'),
      candidate('partner', '2026-06-15', 'Round 24 partner'),
      candidate('undated'),
    ];
    expect(shownOf(entries)).toEqual([
      ['r23', false],
      ['r24', true],
      ['partner', true],
      ['undated', true],
    ]);
    // An explicit choice wins: the earlier round can be shown again.
    expect(shownOf(entries, new Map([['r23', true]]))[0]).toEqual(['r23', true]);
  });
});
