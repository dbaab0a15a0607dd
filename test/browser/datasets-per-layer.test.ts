/**
 * End-to-end, several datasets per layer (issue 12): two partners' site lists
 * shown together give totals that are their sum; hiding one in the data
 * manager drops its people; a site whose coordinates lie in the sea, with no
 * P-code, stays counted in the "unassigned" row with its people and is named;
 * the header names the layers that are still demo data.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from './app';
import { freshAppForEachTest, type Session } from './chromium';

const FIXTURES = 'test/fixtures/io';
const PARTNER_A = 6000;
const PARTNER_B = 500 + 36010;

let session: Session;

async function importAndKeep(path: string): Promise<void> {
  await session.page.setInputFiles('#import-file-input', [path]);
  await session.page.waitForSelector('dialog.import-dialog[open] .import-report', { timeout: 30_000 });
  const confirm = session.page.locator('dialog.import-dialog [data-action="confirm-import"]');
  await expect.poll(() => confirm.isEnabled()).toBe(true);
  await confirm.click();
  await session.page.waitForSelector('dialog.import-dialog:not([open])', { state: 'attached' });
}

/** The shown "displaced people" figure of the admin analysis once it equals `expected`. */
async function displacedPeopleBecomes(expected: number): Promise<void> {
  await expect
    .poll(
      () =>
        app(session.page).state(
          (state) => state.keyFigures.find((figure) => figure.label === 'Personnes déplacées')?.value,
        ),
      { timeout: 20_000 },
    )
    .toBe(expected);
}

describe('several site lists on one layer, in a real browser', () => {
  session = freshAppForEachTest({ width: 1280, height: 800 });
  beforeEach(async () => {
    await session.page.waitForSelector('body[data-imports-ready="true"]');
  });

  it('sums two shown site lists, drops one when hidden, and keeps a site in the sea in the unassigned row', async () => {
    await importAndKeep(`${FIXTURES}/partner-a-sites.csv`);
    await importAndKeep(`${FIXTURES}/partner-b-sites.csv`);
    const ids = await app(session.page).state((state) =>
      state.datasets?.sites.features.map((feature) => feature.properties.id),
    );
    // The demo sites step aside once sites are imported; both imports are shown.
    expect(ids).toEqual(['PA-001', 'PA-002', 'PA-003', 'PB-001', 'PB-002']);

    await session.page.click('[data-analysis="admin"]');
    await session.page.waitForSelector('[data-active-analysis="admin"]');
    await displacedPeopleBecomes(PARTNER_A + PARTNER_B);

    const panel = session.page.locator('#analysis-panel');
    const unassigned = panel.locator('.summary-table tbody tr', { hasText: 'Non assignés' });
    await expect.poll(() => unassigned.textContent()).toMatch(/1.*36\s?010/);
    const warnings = (await panel.locator('.admin-unassigned-sites').textContent()) ?? '';
    expect(warnings).toContain('Site fictif Partenaire B en mer');
    expect(warnings).toContain('hors de toute commune — en mer ?');
    // No site was placed by a P-code: the panel does not claim it.
    expect(await panel.textContent()).not.toContain('code P ou leur commune déclarés');

    // The header says which shown layers are still demo data; the fictional gang areas are hidden.
    const badge = (await session.page.locator('.demo-banner').textContent()) ?? '';
    expect(badge).toContain('Données de démonstration fictives');
    expect(badge).not.toContain('Sites');
    expect(await app(session.page).state((state) => state.sourceDatasets?.control.features.length)).toBe(0);

    // Hide partner B in the data manager: the totals drop to partner A alone; nothing is deleted.
    await session.page.click('#toolbar [data-action="open-data-manager"]');
    await session.page.waitForSelector('dialog.data-manager-dialog[open]');
    const partnerB = session.page.locator('dialog.data-manager-dialog tr[data-dataset-id]', {
      hasText: 'partner-b-sites.csv',
    });
    await partnerB.locator('[data-action="toggle-dataset"]').uncheck();
    await displacedPeopleBecomes(PARTNER_A);
    expect(await session.page.locator('dialog.data-manager-dialog tr[data-dataset-id]').count()).toBe(2);
    await partnerB.locator('[data-action="toggle-dataset"]').check();
    await displacedPeopleBecomes(PARTNER_A + PARTNER_B);
    await session.page.click('[data-action="close-data-manager"]');
  });
});
