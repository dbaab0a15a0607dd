/**
 * Headline numbers of the active analysis, for the panel and the snapshot's
 * key-figures box. Pure: results in, translated figures out.
 */
import { CONTROL_LEVELS, HAZARD_TYPES } from '../domain/types';
import type { Translate } from '../i18n/translate';
import type { AnalysisId, KeyFigure } from '../state/app-state';
import type { AnalysisResults } from './analysis-results';

export function keyFigures(analysis: AnalysisId | null, results: AnalysisResults, t: Translate): KeyFigure[] {
  switch (analysis) {
    case 'exposure': {
      const summary = results.exposure?.summary;
      if (!summary) return [];
      return HAZARD_TYPES.map((hazardType) => ({
        label: t('figure.exposedIndividuals', { hazard: t(`hazardType.${hazardType}`) }),
        value: summary
          .filter((row) => row.hazardType === hazardType)
          .reduce((total, row) => total + row.individuals, 0),
      }));
    }
    case 'access': {
      const summary = results.access?.summary;
      if (!summary) return [];
      return CONTROL_LEVELS.map((level) => ({
        label: t('figure.constrainedIndividuals', { level: t(`controlLevel.${level}`) }),
        value: summary.find((row) => row.level === level)?.individuals ?? 0,
      }));
    }
    case 'coverage': {
      const coverage = results.coverage;
      if (!coverage) return [];
      const healthBeyond = coverage.healthBeyondReach.reduce((total, flag) => total + flag, 0);
      return [
        { label: t('figure.shareWithWater'), value: coverage.shareCovered, format: 'percent' },
        {
          label: t('figure.individualsWithoutWater'),
          value: coverage.individualsTotal - coverage.individualsCovered,
        },
        { label: t('figure.sitesHealthBeyond'), value: healthBeyond },
        {
          label: t('figure.overloadedWaterPoints'),
          value: coverage.waterPointLoads.filter((load) => load.overloaded).length,
        },
      ];
    }
    case 'space': {
      const space = results.space;
      if (!space) return [];
      return [
        { label: t('figure.overcrowdedSites'), value: space.overcrowdedSites },
        { label: t('figure.overcrowdedIndividuals'), value: space.overcrowdedIndividuals },
      ];
    }
    case 'admin': {
      const admin = results.admin;
      if (!admin) return [];
      return [
        { label: t('figure.communesWithSites'), value: admin.communes.filter((row) => row.sites > 0).length },
        {
          label: t('figure.individuals'),
          value: admin.communes.reduce((total, row) => total + row.individuals, 0),
        },
      ];
    }
    case 'area': {
      const area = results.area;
      if (!area) return [];
      return [
        { label: t('figure.sitesInArea'), value: area.sites },
        { label: t('figure.householdsInArea'), value: area.households },
        { label: t('figure.individualsInArea'), value: area.individuals },
      ];
    }
    case 'candidate':
    case null:
      return [];
  }
}
