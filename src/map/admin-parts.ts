/**
 * Admin areas split for drawing (communes dashed, departments solid) and their
 * label points, computed once per admin collection. Layer specs run on every
 * state change; handing deck.gl the same arrays each time lets it skip
 * re-uploading their geometry.
 */
import type { AdminAreaCollection, AdminAreaFeature } from '../domain/types';
import { type AdminLabel, adminLabels } from './admin-labels';

export interface AdminParts {
  communes: AdminAreaFeature[];
  departments: AdminAreaFeature[];
  communeLabels: AdminLabel[];
  departmentLabels: AdminLabel[];
}

const cache = new WeakMap<AdminAreaCollection, AdminParts>();

export function adminParts(admin: AdminAreaCollection): AdminParts {
  const cached = cache.get(admin);
  if (cached) return cached;
  const labels = adminLabels(admin);
  const parts: AdminParts = {
    communes: admin.features.filter((feature) => feature.properties.level === 2),
    departments: admin.features.filter((feature) => feature.properties.level === 1),
    communeLabels: labels.filter((label) => label.level === 2),
    departmentLabels: labels.filter((label) => label.level === 1),
  };
  cache.set(admin, parts);
  return parts;
}
