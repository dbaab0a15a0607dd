/**
 * The pick gate: deck may not pick while the pointer is pressed or moving
 * (each pick waited for the GPU: a drag over 300k sites froze the page 5 s at
 * a time on software WebGL), and picks once for a resting mouse.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatePicking, type PickGateTarget } from '../../src/map/pick-gate';

const pointer = (type: string, fields: { pointerType?: string; buttons?: number; x?: number; y?: number }) =>
  Object.assign(new Event(type), {
    pointerType: fields.pointerType ?? 'mouse',
    buttons: fields.buttons ?? 0,
    clientX: fields.x ?? 0,
    clientY: fields.y ?? 0,
  });

function recordingTarget() {
  const container = new EventTarget();
  const pickable: boolean[] = [];
  const replays: [number, number][] = [];
  /** What deck would see: every pointer event reaching the canvas, and whether it could pick then. */
  const reachedDeck: { type: string; pickable: boolean | undefined }[] = [];
  let moving = false;
  const target: PickGateTarget = {
    container,
    setPickable: (next) => pickable.push(next),
    replay: (clientX, clientY) => {
      replays.push([clientX, clientY]);
      container.dispatchEvent(pointer('pointermove', { x: clientX, y: clientY }));
    },
    isMoving: () => moving,
  };
  return {
    target,
    container,
    pickable,
    replays,
    reachedDeck,
    setMoving: (value: boolean) => {
      moving = value;
    },
    /** Starts the gate, then deck's listener: on the page deck listens on the canvas, reached after the gate's capture. */
    gate(restMilliseconds = 80) {
      const gate = gatePicking(target, restMilliseconds);
      for (const type of ['pointerdown', 'pointermove'])
        container.addEventListener(type, (event) =>
          reachedDeck.push({ type: event.type, pickable: pickable.at(-1) }),
        );
      return gate;
    },
  };
}

describe('when deck may pick', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts closed, and a pointer-down reaches deck with picking off (no pick, no GPU wait)', () => {
    const map = recordingTarget();
    map.gate();
    expect(map.pickable).toEqual([false]);
    map.container.dispatchEvent(pointer('pointerdown', { buttons: 1 }));
    expect(map.reachedDeck).toEqual([{ type: 'pointerdown', pickable: false }]);
  });

  it('picks once for a mouse that rests, at its resting place, and not while it moves', () => {
    const map = recordingTarget();
    map.gate();
    for (let step = 0; step < 5; step += 1) {
      map.container.dispatchEvent(pointer('pointermove', { x: 10 * step, y: 5 }));
      vi.advanceTimersByTime(30);
    }
    expect(map.replays).toEqual([]);
    expect(map.reachedDeck.every((event) => event.pickable === false)).toBe(true);
    vi.advanceTimersByTime(50);
    expect(map.replays).toEqual([[40, 5]]);
    expect(map.reachedDeck.at(-1)).toEqual({ type: 'pointermove', pickable: true });
    vi.advanceTimersByTime(1000);
    expect(map.replays).toHaveLength(1);
  });

  it('never picks during a drag, nor for touch, nor while the camera glides', () => {
    const map = recordingTarget();
    map.gate();
    map.container.dispatchEvent(pointer('pointerdown', { buttons: 1 }));
    map.container.dispatchEvent(pointer('pointermove', { buttons: 1, x: 100 }));
    vi.advanceTimersByTime(500);
    map.container.dispatchEvent(pointer('pointermove', { pointerType: 'touch', x: 120 }));
    vi.advanceTimersByTime(500);
    map.setMoving(true);
    map.container.dispatchEvent(pointer('pointermove', { x: 130 }));
    vi.advanceTimersByTime(500);
    expect(map.replays).toEqual([]);
    expect(map.pickable).toEqual([false]);
  });

  it('opens for an explicit pick and closes again after it, even when the pick throws', () => {
    const map = recordingTarget();
    const gate = map.gate();
    expect(gate.pickNow(() => map.pickable.at(-1))).toBe(true);
    expect(map.pickable.at(-1)).toBe(false);
    expect(() =>
      gate.pickNow(() => {
        throw new Error('lost context');
      }),
    ).toThrow('lost context');
    expect(map.pickable.at(-1)).toBe(false);
  });

  it('stops listening when disposed', () => {
    const map = recordingTarget();
    const gate = map.gate();
    gate.dispose();
    map.container.dispatchEvent(pointer('pointermove', { x: 1 }));
    vi.advanceTimersByTime(500);
    expect(map.replays).toEqual([]);
  });
});
