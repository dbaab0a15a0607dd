/**
 * When deck.gl may pick. Left alone, deck picks on every pointer-down (for
 * drag and click callbacks the app does not use: clicks are picked from
 * MapLibre's click event) and on every frame after the pointer moved (for the
 * hover feedback). Each pick draws the pickable layers and reads a pixel
 * back, which waits for every frame the GPU still owes: on software WebGL
 * (SwiftShader) each such wait held the page for a third of a second to
 * seconds, so dragging the map over 300k sites froze it for 5 s at a time.
 *
 * The gate keeps deck's picking off while the pointer is pressed or moving,
 * and lets it pick once the mouse has rested: it then replays the resting
 * pointer's position to deck, whose own hover machinery (highlight, cursor,
 * the hover callback) runs once. Explicit picks (a click) open the gate for
 * their own call. Nothing is stopped from reaching deck or the page: the gate
 * only listens, in the capture phase, before deck's listeners on the canvas.
 */

/** What the gate needs from the map: MapView supplies it over deck and MapLibre. */
export interface PickGateTarget {
  /** The element holding the map canvas, where pointer events pass on their way to deck. */
  container: EventTarget;
  /** Turns deck's picking on or off (deck's `_pickable`: off, a pick finds nothing and draws nothing). */
  setPickable(pickable: boolean): void;
  /**
   * Replays a resting mouse at this client position to deck, as the move it already saw (deck's
   * hover follows mouse events, which come after the pointer events the gate listens to).
   */
  replay(clientX: number, clientY: number): void;
  /** True while the camera moves (a drag's inertia, a fly-to): what is under the pointer is changing. */
  isMoving(): boolean;
}

/** The pointer fields the gate reads (a PointerEvent's). */
interface PointerFields {
  pointerType?: string;
  buttons?: number;
  clientX?: number;
  clientY?: number;
}

export interface PickGate {
  /** Runs an explicit pick (a click's) with picking on, then puts the gate back as it was. */
  pickNow<Result>(pick: () => Result): Result;
  /** Stops listening. */
  dispose(): void;
}

/**
 * Starts gating deck's picking on `target`: off from the start, on again for a resting mouse
 * after `restMilliseconds` without movement.
 */
export function gatePicking(target: PickGateTarget, restMilliseconds: number): PickGate {
  let pickable = false;
  let restTimer: ReturnType<typeof setTimeout> | undefined;
  /** True while the gate's own move is dispatched (synchronously): it must reach deck with picking on. */
  let replaying = false;
  const setPickable = (next: boolean) => {
    if (next === pickable) return;
    pickable = next;
    target.setPickable(next);
  };
  const stopWaiting = () => {
    if (restTimer !== undefined) clearTimeout(restTimer);
    restTimer = undefined;
  };
  target.setPickable(false);

  const onPointerDown = () => {
    stopWaiting();
    setPickable(false);
  };
  const onPointerMove = (event: Event) => {
    if (replaying) return;
    stopWaiting();
    setPickable(false);
    const { pointerType, buttons = 0, clientX = 0, clientY = 0 } = event as Event & PointerFields;
    // Touch and pen have no hover; a pressed button is a drag, and deck ignores hover then anyway.
    if (pointerType !== 'mouse' || buttons !== 0) return;
    restTimer = setTimeout(() => {
      restTimer = undefined;
      // The camera is still gliding: the next move of the mouse will ask again.
      if (target.isMoving()) return;
      setPickable(true);
      replaying = true;
      try {
        target.replay(clientX, clientY);
      } finally {
        replaying = false;
      }
    }, restMilliseconds);
  };
  const options = { capture: true, passive: true } as const;
  target.container.addEventListener('pointerdown', onPointerDown, options);
  target.container.addEventListener('pointermove', onPointerMove, options);
  return {
    pickNow(pick) {
      const was = pickable;
      setPickable(true);
      try {
        return pick();
      } finally {
        setPickable(was);
      }
    },
    dispose() {
      stopWaiting();
      target.container.removeEventListener('pointerdown', onPointerDown, options);
      target.container.removeEventListener('pointermove', onPointerMove, options);
    },
  };
}
