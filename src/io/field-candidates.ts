/**
 * The synonym table of `src/domain/field-synonyms.ts`, with every column name
 * normalised once (see `normaliseFieldName`), as field mapping compares them.
 * The model's own camelCase name is always accepted too, so our exports read
 * back without help.
 */
import { FIELD_SYNONYMS, type FieldKind, type FieldRequirement } from '../domain/field-synonyms';
import type { LayerId } from '../domain/types';
import { normaliseFieldName } from './field-names';

export type { FieldKind } from '../domain/field-synonyms';

/** The layer a file is imported as. */
export type LayerRole = LayerId;

export interface FieldCandidates {
  kind: FieldKind;
  requirement: FieldRequirement;
  suggested?: string | number;
  /** Tags matched with extra attributes allowed, then tags matched only exactly. */
  tags: readonly string[];
  exactTags: readonly string[];
  /** Normalised column names, most specific first. */
  names: readonly string[];
}

/** Candidates per role and model field, in the order fields claim columns. */
export const FIELD_CANDIDATES: Record<LayerRole, Record<string, FieldCandidates>> = Object.fromEntries(
  Object.entries(FIELD_SYNONYMS).map(([role, fields]) => [
    role,
    Object.fromEntries(
      Object.entries(fields).map(([field, synonyms]) => {
        const candidates: FieldCandidates = {
          kind: synonyms.kind,
          requirement: synonyms.requirement,
          tags: synonyms.hxl,
          exactTags: synonyms.hxlExact ?? [],
          names: [...new Set(synonyms.names.map(normaliseFieldName))],
        };
        if (synonyms.suggested !== undefined) candidates.suggested = synonyms.suggested;
        return [field, candidates];
      }),
    ),
  ]),
) as Record<LayerRole, Record<string, FieldCandidates>>;

/** Model fields that must be mapped to a column before the import can go on. */
export function requiredFieldsOf(role: LayerRole): string[] {
  return Object.entries(FIELD_CANDIDATES[role])
    .filter(([, candidates]) => candidates.requirement === 'required')
    .map(([field]) => field);
}

/** Display classes: rows lacking them need a value the user accepts. */
export function classFieldsOf(role: LayerRole): string[] {
  return Object.entries(FIELD_CANDIDATES[role])
    .filter(([, candidates]) => candidates.requirement === 'class')
    .map(([field]) => field);
}
