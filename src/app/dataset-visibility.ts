/**
 * The user's choices of which datasets are shown, kept in localStorage so a
 * reload and the other tabs see the same map. Storage that is missing, full
 * or holds something else costs the memory of the choices, never the data.
 */

const VISIBILITY_KEY = 'katsit-dataset-visibility';

export interface VisibilityChoices {
  get(): ReadonlyMap<string, boolean>;
  set(id: string, shown: boolean): void;
  forget(id: string): void;
  clear(): void;
  /** Reads the choices again (another tab changed them). */
  reload(): void;
}

function read(storage: Storage | undefined): Map<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(VISIBILITY_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return new Map();
    return new Map(
      Object.entries(parsed).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'),
    );
  } catch {
    return new Map();
  }
}

/** The choices over `storage` (none: this session only). */
export function createVisibilityChoices(storage: Storage | undefined): VisibilityChoices {
  let choices = read(storage);
  const write = () => {
    try {
      storage?.setItem(VISIBILITY_KEY, JSON.stringify(Object.fromEntries(choices)));
    } catch {
      // Full or refused: the choice still holds in this tab.
    }
  };
  return {
    get: () => choices,
    set(id, shown) {
      choices = new Map(choices).set(id, shown);
      write();
    },
    forget(id) {
      if (!choices.has(id)) return;
      choices = new Map(choices);
      choices.delete(id);
      write();
    },
    clear() {
      choices = new Map();
      write();
    },
    reload() {
      choices = read(storage);
    },
  };
}
