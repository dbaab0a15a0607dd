/**
 * French catalogue: the reference language. Its keys define the `MessageKey`
 * type, so every other catalogue must translate every key (checked by tsc).
 * Placeholders are `{name}` and are filled with plain text, never HTML.
 */
export const fr = {
  'app.title': 'Katsit — sites de déplacement en Haïti',
  'app.subtitle': 'Cartographie des sites pour la réponse au déplacement',
  'app.demoBanner': 'Données de démonstration synthétiques — fictives',
  'app.skipToMap': 'Aller à la carte',
  'app.loading': 'Chargement de la carte…',
  'app.loadError': 'Les données de démonstration n’ont pas pu être chargées : {detail}',
  'app.offlineStatus': 'Hors ligne — toutes les données sont locales',
  'app.onlineBasemapStatus': 'Fond de carte en ligne activé : des tuiles sont demandées à OpenStreetMap',

  'language.label': 'Langue',
  'toolbar.label': 'Actions',

  'panel.layers': 'Couches',
  'panel.legend': 'Légende',
  'panel.opacity': 'Opacité de « {layer} »',
  'panel.show': 'Afficher « {layer} »',
  'panel.basemap': 'Fond de carte',
  'panel.basemapOffline': 'Hors ligne (intégré)',
  'panel.basemapOnline': 'OpenStreetMap (en ligne)',
  'panel.basemapOnlineWarning': 'Le fond en ligne envoie votre zone de travail aux serveurs de tuiles.',

  'layer.sites': 'Sites de déplacement',
  'layer.hazards': 'Zones d’aléas',
  'layer.control': 'Zones sous contrôle de gangs',
  'layer.services': 'Points de service',
  'layer.admin': 'Limites administratives',

  'legend.sitesSize': 'Taille du cercle : nombre de personnes',
  'legend.hazardsOpacity': 'Opacité : sévérité (faible, moyenne, élevée)',
  'legend.controlSensitive': 'SENSIBLE — données de démonstration fictives',
  'legend.adminApproximate':
    'Communes approximatives (cellules de Voronoï des chefs-lieux), pas les limites officielles',
  'legend.department': 'Département',
  'legend.commune': 'Commune (approximative)',

  'siteType.planned_camp': 'Camp planifié',
  'siteType.spontaneous_site': 'Site spontané',
  'siteType.collective_centre': 'Centre collectif',
  'siteType.transit_centre': 'Centre de transit',
  'siteType.evacuation_centre': 'Centre d’évacuation',

  'hazardType.flood': 'Inondation',
  'hazardType.landslide': 'Glissement de terrain',
  'hazardType.storm_surge': 'Onde de tempête',
  'hazardType.earthquake': 'Secousse sismique',

  'severity.low': 'faible',
  'severity.medium': 'moyenne',
  'severity.high': 'élevée',

  'controlLevel.controlled': 'Contrôlée',
  'controlLevel.contested': 'Disputée',
  'controlLevel.influence': 'Sous influence',

  'serviceType.water': 'Point d’eau',
  'serviceType.health': 'Structure de santé',
  'serviceType.distribution': 'Point de distribution',

  'waterPointType.tap': 'Robinet',
  'waterPointType.hand_pump': 'Pompe à main',
  'waterPointType.well': 'Puits ouvert',

  'adminLevel.1': 'Département',
  'adminLevel.2': 'Commune',

  'needSeverity.1': '1 — aucun ou minimal',
  'needSeverity.2': '2 — stress',
  'needSeverity.3': '3 — sévère',
  'needSeverity.4': '4 — extrême',
  'needSeverity.5': '5 — catastrophique',

  'field.id': 'Identifiant',
  'field.name': 'Nom',
  'field.siteType': 'Type de site',
  'field.admin1': 'Département',
  'field.admin2': 'Commune',
  'field.households': 'Ménages',
  'field.individuals': 'Personnes',
  'field.managementAgency': 'Agence de gestion',
  'field.areaSquareMetres': 'Superficie du site',
  'field.spacePerPerson': 'Espace par personne',
  'field.needShelter': 'Besoins — abris',
  'field.needWash': 'Besoins — EHA',
  'field.needHealth': 'Besoins — santé',
  'field.needProtection': 'Besoins — protection',
  'field.lastAssessment': 'Dernière évaluation',
  'field.hazardType': 'Aléa',
  'field.severity': 'Sévérité',
  'field.source': 'Source',
  'field.controlLevel': 'Niveau de contrôle',
  'field.lastUpdate': 'Dernière mise à jour',
  'field.sensitivity': 'Sensibilité',
  'field.serviceType': 'Service',
  'field.waterPointType': 'Type de point d’eau',
  'field.capacity': 'Capacité',
  'field.operator': 'Opérateur',
  'field.pcode': 'Code P',
  'field.level': 'Niveau',
  'field.parent': 'Département',
  'field.approximate': 'Limite',

  'value.sensitive': 'SENSIBLE — usage interne',
  'value.approximate': 'approximative (générée)',
  'value.squareMetres': '{value} m²',
  'value.squareMetresPerPerson': '{value} m² par personne',
  'value.litresPerDay': '{value} L par jour',

  'details.title': 'Détails',
  'details.close': 'Fermer les détails',
  'details.empty': 'Cliquez sur un élément de la carte pour voir ses détails.',

  'map.label': 'Carte des sites de déplacement, des aléas et des zones sous contrôle de gangs en Haïti',
  'map.attributionOffline': 'Fond : Natural Earth (domaine public) · Données de démonstration synthétiques',
  'map.attributionOnline': '© contributeurs OpenStreetMap',
} as const;

export type MessageKey = keyof typeof fr;
