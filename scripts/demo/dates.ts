/** ISO calendar dates (YYYY-MM-DD) drawn between two days, in UTC so the time zone never shifts a day. */
import type { Random } from './random';

const DAY_MILLISECONDS = 86_400_000;

export function randomIsoDate(random: Random, firstDay: string, lastDay: string): string {
  const first = Date.parse(`${firstDay}T00:00:00Z`);
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  const days = Math.round((last - first) / DAY_MILLISECONDS);
  return new Date(first + random.integer(0, days) * DAY_MILLISECONDS).toISOString().slice(0, 10);
}
