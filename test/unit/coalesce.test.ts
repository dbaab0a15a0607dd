import { describe, expect, it, vi } from 'vitest';
import { coalesced } from '../../src/state/coalesce';

describe('coalesced', () => {
  it('runs once for several calls in one task, and again in a later task', async () => {
    const run = vi.fn();
    const render = coalesced(run);
    render();
    render();
    render();
    expect(run).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(run).toHaveBeenCalledTimes(1);
    render();
    await Promise.resolve();
    expect(run).toHaveBeenCalledTimes(2);
  });
});
