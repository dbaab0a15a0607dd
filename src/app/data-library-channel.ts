/**
 * What one tab tells the others about stored data, over a BroadcastChannel:
 * each tab's data library listens and reloads from storage, so every data
 * manager lists the same datasets and a reset resets everywhere. Where
 * BroadcastChannel is missing, tabs simply do not hear each other.
 */

/** The channel every Katsit tab of this origin joins. */
const LIBRARY_CHANNEL_NAME = 'katsit-data';

export type LibraryMessage =
  /** An import, rename, replace or removal was stored. */
  | { kind: 'datasets-changed' }
  /** Every dataset and the analysis cache were removed. */
  | { kind: 'reset' }
  | { kind: 'analysis-cache-cleared' }
  /** A dataset was shown or hidden (the choices are in localStorage). */
  | { kind: 'visibility-changed' }
  /** A movements table was kept or removed (flows/flow-store.ts): the movements layer reads it again. */
  | { kind: 'movements-changed' };

const KINDS: ReadonlySet<string> = new Set([
  'datasets-changed',
  'reset',
  'analysis-cache-cleared',
  'visibility-changed',
  'movements-changed',
]);

function isLibraryMessage(value: unknown): value is LibraryMessage {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && KINDS.has(kind);
}

export interface LibraryChannel {
  post(message: LibraryMessage): void;
  close(): void;
}

/** Joins the channel; undefined where BroadcastChannel is missing. */
export function createLibraryChannel(
  onMessage: (message: LibraryMessage) => void,
  name: string = LIBRARY_CHANNEL_NAME,
): LibraryChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    // Another build of the app may share the origin: ignore what we do not know.
    if (isLibraryMessage(event.data)) onMessage(event.data);
  };
  // In Node (tests) an open channel would keep the process alive.
  (channel as { unref?: () => void }).unref?.();
  return {
    post(message) {
      try {
        channel.postMessage(message);
      } catch {
        // A closed channel: this tab is going away, nothing to tell.
      }
    },
    close: () => channel.close(),
  };
}
