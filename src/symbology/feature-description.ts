/**
 * What the tooltip and the details panel say about a feature, as plain
 * label/value strings (pure: no DOM, so it is unit-tested in Node). Values are
 * rendered with textContent by the callers.
 */
import type { Feature } from 'geojson';
import type { LayerId } from '../domain/types';
import type { MessageKey } from '../i18n/fr';
import { formatDate, formatNumber, isMessageKey, type Language, type Translate } from '../i18n/translate';

export interface FeatureField {
  label: string;
  value: string;
}

export interface FeatureDescription {
  /** The feature's name (from the data: display as text only). */
  title: string;
  /** What it is, e.g. "Site spontané" or "Inondation — élevée". */
  kind: string;
  fields: FeatureField[];
  /** Gang-control features carry the sensitivity label wherever they are shown. */
  sensitive: boolean;
}

type Properties = Record<string, unknown>;

const text = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

export function describeFeature(
  layerId: LayerId,
  feature: Feature,
  language: Language,
  t: Translate,
): FeatureDescription {
  const properties: Properties = feature.properties ?? {};
  const number = (value: unknown) =>
    typeof value === 'number' ? formatNumber(language, value) : text(value);
  const date = (value: unknown) => (typeof value === 'string' ? formatDate(language, value) : text(value));
  const translated = (prefix: string, value: unknown) => {
    const key = `${prefix}.${String(value)}`;
    // Imported data may carry values we have no translation for: show them as they are.
    return isMessageKey(key) ? t(key) : text(value);
  };
  const field = (label: MessageKey, value: string): FeatureField => ({ label: t(label), value });

  switch (layerId) {
    case 'sites': {
      const individuals = Number(properties.individuals);
      const area = Number(properties.areaSquareMetres);
      const spacePerPerson = individuals > 0 && area > 0 ? area / individuals : Number.NaN;
      return {
        title: text(properties.name),
        kind: translated('siteType', properties.siteType),
        sensitive: false,
        fields: [
          field('field.id', text(properties.id)),
          field('field.admin2', `${text(properties.admin2Name)} (${text(properties.admin2Pcode)})`),
          field('field.admin1', `${text(properties.admin1Name)} (${text(properties.admin1Pcode)})`),
          field('field.individuals', number(properties.individuals)),
          field('field.households', number(properties.households)),
          field(
            'field.areaSquareMetres',
            t('value.squareMetres', { value: number(properties.areaSquareMetres) }),
          ),
          field(
            'field.spacePerPerson',
            Number.isFinite(spacePerPerson)
              ? t('value.squareMetresPerPerson', { value: formatNumber(language, spacePerPerson, 1) })
              : '—',
          ),
          field('field.needShelter', translated('needSeverity', properties.needShelter)),
          field('field.needWash', translated('needSeverity', properties.needWash)),
          field('field.needHealth', translated('needSeverity', properties.needHealth)),
          field('field.needProtection', translated('needSeverity', properties.needProtection)),
          field('field.managementAgency', text(properties.managementAgency)),
          field('field.lastAssessment', date(properties.lastAssessment)),
        ],
      };
    }
    case 'hazards':
      return {
        title: text(properties.name),
        kind: `${translated('hazardType', properties.hazardType)} — ${translated('severity', properties.severity)}`,
        sensitive: false,
        fields: [
          field('field.hazardType', translated('hazardType', properties.hazardType)),
          field('field.severity', translated('severity', properties.severity)),
          field('field.source', text(properties.source)),
          field('field.id', text(properties.id)),
        ],
      };
    case 'control':
      return {
        title: text(properties.name),
        kind: translated('controlLevel', properties.controlLevel),
        sensitive: true,
        fields: [
          field('field.controlLevel', translated('controlLevel', properties.controlLevel)),
          field('field.lastUpdate', date(properties.lastUpdate)),
          field('field.source', text(properties.source)),
          field('field.sensitivity', t('value.sensitive')),
        ],
      };
    case 'services': {
      const fields = [field('field.serviceType', translated('serviceType', properties.serviceType))];
      if (properties.waterPointType !== undefined) {
        fields.push(field('field.waterPointType', translated('waterPointType', properties.waterPointType)));
      }
      if (properties.capacityLitresPerDay !== undefined) {
        fields.push(
          field(
            'field.capacity',
            t('value.litresPerDay', { value: number(properties.capacityLitresPerDay) }),
          ),
        );
      }
      fields.push(field('field.operator', text(properties.operator)), field('field.id', text(properties.id)));
      return {
        title: text(properties.name),
        kind: translated('serviceType', properties.serviceType),
        sensitive: false,
        fields,
      };
    }
    case 'admin': {
      const fields = [
        field('field.pcode', text(properties.pcode)),
        field('field.level', translated('adminLevel', properties.level)),
      ];
      if (properties.parentName !== undefined) {
        fields.push(
          field('field.parent', `${text(properties.parentName)} (${text(properties.parentPcode)})`),
        );
      }
      if (properties.approximate === true) fields.push(field('field.approximate', t('value.approximate')));
      return {
        title: text(properties.name),
        kind: translated('adminLevel', properties.level),
        sensitive: false,
        fields,
      };
    }
  }
}
