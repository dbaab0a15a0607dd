/**
 * The series of rounds in the data manager: dated sites datasets only,
 * earliest first, and the pair a comparison starts with.
 */
import { describe, expect, it } from 'vitest';
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
