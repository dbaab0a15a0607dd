import { describe, expect, it } from 'vitest';
import {
  distanceLabel,
  exportZoom,
  metresPerPixel,
  niceLength,
  pageLayout,
  pageSize,
  pageSizePoints,
  pixelSize,
  scaleBar,
  snapshotFileName,
} from '../../src/map/snapshot-layout';

const SCREEN = { width: 900, height: 650 };

describe('scale bar', () => {
  it('computes metres per pixel for 512-px tiles', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    // Port-au-Prince, zoom 11.3: cos(18.56°) × 40075016.686 / (512 × 2^11.3).
    const expected = (40075016.686 * Math.cos((18.56 * Math.PI) / 180)) / (512 * 2 ** 11.3);
    expect(metresPerPixel(18.56, 11.3)).toBeCloseTo(expected, 9);
    expect(metresPerPixel(18.56, 11.3)).toBeCloseTo(29.43, 2);
    // One zoom level halves it; higher latitude shrinks it.
    expect(metresPerPixel(18.56, 12.3)).toBeCloseTo(metresPerPixel(18.56, 11.3) / 2, 9);
    expect(metresPerPixel(60, 10)).toBeCloseTo(metresPerPixel(0, 10) / 2, 6);
  });

  it('chooses round lengths of 1, 2 or 5 × 10ⁿ', () => {
    expect(niceLength(4499)).toBe(2000);
    expect(niceLength(5000)).toBe(5000);
    expect(niceLength(999)).toBe(500);
    expect(niceLength(1.5)).toBe(1);
    expect(niceLength(0)).toBe(0);
    expect(niceLength(Number.NaN)).toBe(0);
  });

  it('draws a bar of a round length whose width is true for the latitude and zoom', () => {
    const bar = scaleBar(18.56, 11.3, 150);
    expect(bar.metres).toBe(2000);
    expect(bar.label).toBe('2 km');
    expect(bar.width).toBeCloseTo(2000 / metresPerPixel(18.56, 11.3), 6);
    expect(bar.width).toBeLessThanOrEqual(150);
    expect(scaleBar(18.56, 16, 150).label).toBe('100 m');
    expect(scaleBar(19, 7.5, 150).label).toBe('50 km');
    expect(distanceLabel(500)).toBe('500 m');
  });
});

describe('paper sizes', () => {
  it('gives A4 and A3 in PDF points in both orientations', () => {
    const a4 = pageSizePoints({ paper: 'A4', orientation: 'landscape' }, SCREEN);
    expect(a4.width).toBeCloseTo(841.89, 2);
    expect(a4.height).toBeCloseTo(595.28, 2);
    const a3 = pageSizePoints({ paper: 'A3', orientation: 'portrait' }, SCREEN);
    expect(a3.width).toBeCloseTo(841.89, 2);
    expect(a3.height).toBeCloseTo(1190.55, 2);
  });

  it('gives the PNG pixel size at each pixel ratio', () => {
    const a4 = pageSize({ paper: 'A4', orientation: 'landscape' }, SCREEN);
    expect(pixelSize(a4, 1)).toEqual({ width: 1123, height: 794 });
    expect(pixelSize(a4, 2)).toEqual({ width: 2245, height: 1587 });
    expect(pixelSize(a4, 3)).toEqual({ width: 3368, height: 2381 });
    const a3 = pageSize({ paper: 'A3', orientation: 'portrait' }, SCREEN);
    expect(pixelSize(a3, 2)).toEqual({ width: 2245, height: 3175 });
  });

  it('keeps the on-screen map size as the map frame of a screen product', () => {
    const layout = pageLayout({ paper: 'screen', orientation: 'landscape' }, SCREEN, {
      legendBandHeight: 0,
      footerHeight: 90,
    });
    expect([layout.map.width, layout.map.height]).toEqual([900, 650]);
  });

  it('lays the frames out inside the page without overlap', () => {
    for (const orientation of ['landscape', 'portrait'] as const) {
      for (const paper of ['A4', 'A3'] as const) {
        const layout = pageLayout({ paper, orientation }, SCREEN, {
          legendBandHeight: 200,
          footerHeight: 80,
        });
        const { page, header, map, legend, footer } = layout;
        expect(header.y + header.height).toBeLessThanOrEqual(map.y);
        expect(map.y + map.height).toBeLessThanOrEqual(footer.y);
        expect(legend.y + legend.height).toBeLessThanOrEqual(footer.y);
        expect(footer.y + footer.height).toBeLessThanOrEqual(page.height);
        expect(Number.isInteger(map.width) && Number.isInteger(map.height)).toBe(true);
        if (orientation === 'landscape') expect(map.x + map.width).toBeLessThanOrEqual(legend.x);
        else expect(map.y + map.height).toBeLessThanOrEqual(legend.y);
      }
    }
  });

  it('zooms the export so it shows what the screen shows', () => {
    expect(exportZoom(11, SCREEN, SCREEN)).toBe(11);
    expect(exportZoom(11, SCREEN, { width: 1800, height: 1300 })).toBeCloseTo(12, 9);
    expect(exportZoom(11, SCREEN, { width: 450, height: 650 })).toBeCloseTo(10, 9);
  });
});

describe('file names', () => {
  it('follows the OCHA pattern HTI_<short-name>_<paper>_<YYYYMMDD>', () => {
    const date = new Date(2026, 10, 22, 21, 30);
    expect(snapshotFileName('sites-exposure', 'A4', date, 'png')).toBe('HTI_sites-exposure_A4_20261122.png');
    expect(snapshotFileName('Pétion-Ville — Sites!', 'A3', date, 'pdf')).toBe(
      'HTI_petion-ville-sites_A3_20261122.pdf',
    );
    expect(snapshotFileName('', 'screen', date, 'png')).toBe('HTI_map_screen_20261122.png');
    expect(snapshotFileName('../../etc/passwd', 'A4', date, 'png')).toBe('HTI_etc-passwd_A4_20261122.png');
  });
});
