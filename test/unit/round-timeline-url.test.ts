/**
 * The round the timeline shows, in links and saved views: written as
 * `round=<dataset id>`, read back, anything but a dataset id dropped, and a
 * link without it goes back to the library's own choice.
 */
import { describe, expect, it } from 'vitest';
import { initialAppState } from '../../src/state/app-state';
import { decodeUrlState, encodeUrlState, statePatch } from '../../src/state/url-state';

const CAMERA = { longitude: -72.3, latitude: 18.55, zoom: 11, bearing: 0 };
const ROUND = '2f1c7a9e-3b4d-4c2a-9f1e-0a1b2c3d4e5f';

describe('the shown round in the URL', () => {
  it('writes the round shown and reads it back, beside a compared pair', () => {
    const state = {
      ...initialAppState('fr'),
      shownRound: ROUND,
      roundComparison: { base: 'dataset-a', later: ROUND },
    };
    const hash = encodeUrlState(state, CAMERA);
    expect(hash).toContain(`&round=${ROUND}`);
    const view = decodeUrlState(hash);
    expect(view.shownRound).toBe(ROUND);
    expect(view.roundComparison).toEqual({ base: 'dataset-a', later: ROUND });
  });

  it('drops anything but a dataset id and writes nothing when no round was chosen', () => {
    for (const text of ['', '<script>', 'a b', 'a~b', 'x'.repeat(101), '%00'])
      expect(decodeUrlState(`#round=${encodeURIComponent(text)}`).shownRound, text).toBeUndefined();
    expect(encodeUrlState(initialAppState('fr'), CAMERA)).not.toContain('round=');
    expect(encodeUrlState({ ...initialAppState('fr'), shownRound: 'not an id' }, CAMERA)).not.toContain(
      'round=',
    );
  });

  it('a link without a round clears the one shown; one with a round sets it', () => {
    const showing = { ...initialAppState('fr'), shownRound: ROUND };
    expect(statePatch(showing, decodeUrlState('#map=8/18.5/-72.3')).shownRound).toBeNull();
    expect(statePatch(initialAppState('fr'), decodeUrlState(`#round=${ROUND}`)).shownRound).toBe(ROUND);
    expect('shownRound' in statePatch(initialAppState('fr'), decodeUrlState('#map=8/18.5/-72.3'))).toBe(
      false,
    );
  });
});
