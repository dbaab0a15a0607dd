/** The priority score: people × weighted gaps, ties by people, weights within limits and in the link. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRIORITY_WEIGHTS,
  decodePriorityWeights,
  encodePriorityWeights,
  gapBreakdown,
  gapPoints,
  normalisePriorityWeights,
  priorityScores,
  prioritySortKeys,
} from '../../src/analyses/priority-score';
import { allIndices, sortIndices } from '../../src/analysis/site-table-order';
import { initialAppState } from '../../src/state/app-state';
import { decodeUrlState, encodeUrlState, statePatch } from '../../src/state/url-state';
import { SITE_FLAG, siteFlags } from '../../workers/analysis/site-flags';

/** A flags table of `count` sites with the given bits and worst hazard severities. */
function flagsTable(bits: number[], worst: number[]) {
  const table = siteFlags(bits.length, {});
  table.flags.set(bits);
  table.worstHazardSeverity.set(worst);
  return table;
}

describe('priority score', () => {
  const W = SITE_FLAG.waterBeyondSphere;
  const H = SITE_FLAG.healthBeyondReach;
  const S = SITE_FLAG.overcrowded;

  it('is people × the weighted gaps, hazards weighted by severity', () => {
    const flags = flagsTable([W | H, S, 0, 0], [-1, 2, 0, -1]);
    expect(gapPoints(flags, 0, DEFAULT_PRIORITY_WEIGHTS)).toBe(3 + 2);
    // Overcrowded (1) + high hazard (1 × 3).
    expect(gapPoints(flags, 1, DEFAULT_PRIORITY_WEIGHTS)).toBe(4);
    expect(gapPoints(flags, 2, DEFAULT_PRIORITY_WEIGHTS)).toBe(1);
    expect(Array.from(priorityScores(flags, [100, 100, 100, 100], DEFAULT_PRIORITY_WEIGHTS))).toEqual([
      500, 400, 100, 0,
    ]);
  });

  it('breaks its points down by gap for the details card, summing to the same points', () => {
    const flags = flagsTable([W | H, S | SITE_FLAG.coveredSpaceShort, 0], [-1, 2, -1]);
    expect(gapBreakdown(flags, 0, DEFAULT_PRIORITY_WEIGHTS)).toEqual([
      { gap: 'water', points: 3 },
      { gap: 'health', points: 2 },
    ]);
    // Both shelter flags count once; a high hazard counts its weight × 3.
    expect(gapBreakdown(flags, 1, DEFAULT_PRIORITY_WEIGHTS)).toEqual([
      { gap: 'hazard', points: 3 },
      { gap: 'shelter', points: 1 },
    ]);
    expect(gapBreakdown(flags, 2, DEFAULT_PRIORITY_WEIGHTS)).toEqual([]);
    for (const index of [0, 1, 2])
      expect(
        gapBreakdown(flags, index, DEFAULT_PRIORITY_WEIGHTS).reduce((sum, part) => sum + part.points, 0),
      ).toBe(gapPoints(flags, index, DEFAULT_PRIORITY_WEIGHTS));
  });

  it('ranks ties by people: the 3,466-person site above the 90-person one with the same gap', () => {
    // Regression: ranking by flag count kept data order, so a 90-person site led a 3,466-person one.
    const flags = flagsTable([W, W, 0], [-1, -1, -1]);
    const people = [90, 3466, 5000];
    const order = sortIndices(
      allIndices(3),
      prioritySortKeys(flags, people, DEFAULT_PRIORITY_WEIGHTS),
      'descending',
    );
    expect(Array.from(order)).toEqual([1, 0, 2]);
    // Equal scores: 2 sites × 1 point × 600 people vs 1 site × 2 points × 300 people → the larger site first.
    const equal = flagsTable([SITE_FLAG.waterPointOverloaded, S | SITE_FLAG.waterPointOverloaded], [-1, -1]);
    const keys = prioritySortKeys(equal, [600, 300], DEFAULT_PRIORITY_WEIGHTS);
    expect(Array.from(sortIndices(allIndices(2), keys, 'descending'))).toEqual([0, 1]);
  });

  it('follows the weights: with water at 0 a water gap no longer counts', () => {
    const flags = flagsTable([W, H], [-1, -1]);
    const weights = normalisePriorityWeights({ ...DEFAULT_PRIORITY_WEIGHTS, water: 0 });
    expect(Array.from(priorityScores(flags, [1000, 10], weights))).toEqual([0, 20]);
  });

  it('keeps weights within 0–5, whole, with defaults for missing ones', () => {
    expect(normalisePriorityWeights({ water: 9, health: -2, hazard: 2.6, shelter: 'x' })).toEqual({
      water: 5,
      health: 0,
      waterLoad: 1,
      hazard: 3,
      shelter: 1,
    });
  });

  it('carries changed weights in the link, and leaves defaults out', () => {
    const camera = { longitude: -72.3, latitude: 18.56, zoom: 11.3, bearing: 0 };
    expect(encodePriorityWeights(DEFAULT_PRIORITY_WEIGHTS)).toBeNull();
    const weights = normalisePriorityWeights({ water: 5, health: 4, waterLoad: 0, hazard: 2, shelter: 1 });
    const hash = encodeUrlState({ ...initialAppState('en'), priorityWeights: weights }, camera);
    expect(hash).toContain('&weights=5.4.0.2.1');
    expect(decodeUrlState(hash).priorityWeights).toEqual(weights);
    expect(decodePriorityWeights('9.9.9.9.9')).toBeUndefined();
    // A link without weights brings the defaults back.
    const plain = encodeUrlState(initialAppState('en'), camera);
    expect(
      statePatch({ ...initialAppState('en'), priorityWeights: weights }, decodeUrlState(plain))
        .priorityWeights,
    ).toEqual(DEFAULT_PRIORITY_WEIGHTS);
  });
});
