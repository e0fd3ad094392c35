/** Default topic vocabulary (Themen). Slugs are stable identifiers: never change one once data refers to it. */

export interface TopicDefinition {
  slug: string;
  label: string;
  labelEn: string;
}

export const DEFAULT_TOPICS: readonly TopicDefinition[] = [
  { slug: 'qualifikation', label: 'Qualifikation', labelEn: 'Qualification' },
  { slug: 'transfer', label: 'Transfer', labelEn: 'Transfer' },
  { slug: 'innovation', label: 'Innovation', labelEn: 'Innovation' },
  { slug: 'demografie', label: 'Demografie', labelEn: 'Demographics' },
  { slug: 'dekarbonisierung', label: 'Dekarbonisierung', labelEn: 'Decarbonisation' },
  { slug: 'digitalisierung', label: 'Digitalisierung', labelEn: 'Digitalisation' },
  { slug: 'wasserstoff', label: 'Wasserstoff', labelEn: 'Hydrogen' },
  { slug: 'e-mobilitaet', label: 'E-Mobilität', labelEn: 'E-mobility' },
  { slug: 'industrie-4-0', label: 'Industrie 4.0', labelEn: 'Industry 4.0' },
  { slug: 'fachkraeftesicherung', label: 'Fachkräftesicherung', labelEn: 'Securing skilled workers' },
  { slug: 'kreislaufwirtschaft', label: 'Kreislaufwirtschaft', labelEn: 'Circular economy' },
  { slug: 'kuenstliche-intelligenz', label: 'Künstliche Intelligenz', labelEn: 'Artificial intelligence' },
  { slug: 'leichtbau', label: 'Leichtbau', labelEn: 'Lightweight construction' },
  { slug: 'batterietechnik', label: 'Batterietechnik', labelEn: 'Battery technology' },
  { slug: 'foerderprogramme', label: 'Förderprogramme', labelEn: 'Funding programmes' },
];
