/**
 * WZ 2008 — Klassifikation der Wirtschaftszweige, Ausgabe 2008 (Statistisches Bundesamt).
 * All 21 sections (Abschnitte A–U) and 88 divisions (Abteilungen); groups (Gruppen) and classes (Klassen) only for the
 * divisions automotive suppliers live in: 22, 25, 27, 28, 29.
 */

export const WZ_SECTIONS = [
  { code: 'A', label: 'Land- und Forstwirtschaft, Fischerei' },
  { code: 'B', label: 'Bergbau und Gewinnung von Steinen und Erden' },
  { code: 'C', label: 'Verarbeitendes Gewerbe' },
  { code: 'D', label: 'Energieversorgung' },
  { code: 'E', label: 'Wasserversorgung; Abwasser- und Abfallentsorgung und Beseitigung von Umweltverschmutzungen' },
  { code: 'F', label: 'Baugewerbe' },
  { code: 'G', label: 'Handel; Instandhaltung und Reparatur von Kraftfahrzeugen' },
  { code: 'H', label: 'Verkehr und Lagerei' },
  { code: 'I', label: 'Gastgewerbe' },
  { code: 'J', label: 'Information und Kommunikation' },
  { code: 'K', label: 'Erbringung von Finanz- und Versicherungsdienstleistungen' },
  { code: 'L', label: 'Grundstücks- und Wohnungswesen' },
  { code: 'M', label: 'Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen' },
  { code: 'N', label: 'Erbringung von sonstigen wirtschaftlichen Dienstleistungen' },
  { code: 'O', label: 'Öffentliche Verwaltung, Verteidigung; Sozialversicherung' },
  { code: 'P', label: 'Erziehung und Unterricht' },
  { code: 'Q', label: 'Gesundheits- und Sozialwesen' },
  { code: 'R', label: 'Kunst, Unterhaltung und Erholung' },
  { code: 'S', label: 'Erbringung von sonstigen Dienstleistungen' },
  {
    code: 'T',
    label:
      'Private Haushalte mit Hauspersonal; Herstellung von Waren und Erbringung von Dienstleistungen durch private ' +
      'Haushalte für den Eigenbedarf ohne ausgeprägten Schwerpunkt',
  },
  { code: 'U', label: 'Exterritoriale Organisationen und Körperschaften' },
] as const;

export type WzSectionCode = (typeof WZ_SECTIONS)[number]['code'];
export type WzLevel = 'section' | 'division' | 'group' | 'class';

export interface WzCode {
  /** 'C', '29', '29.3', '29.32' */
  code: string;
  label: string;
  level: WzLevel;
  section: WzSectionCode;
  /** Next level up: division → section letter, group → division, class → group; null for a section. */
  parent: string | null;
}

/** Divisions (two-digit codes) per section. */
const DIVISIONS: Record<WzSectionCode, readonly (readonly [string, string])[]> = {
  A: [
    ['01', 'Landwirtschaft, Jagd und damit verbundene Tätigkeiten'],
    ['02', 'Forstwirtschaft und Holzeinschlag'],
    ['03', 'Fischerei und Aquakultur'],
  ],
  B: [
    ['05', 'Kohlenbergbau'],
    ['06', 'Gewinnung von Erdöl und Erdgas'],
    ['07', 'Erzbergbau'],
    ['08', 'Gewinnung von Steinen und Erden, sonstiger Bergbau'],
    ['09', 'Erbringung von Dienstleistungen für den Bergbau und für die Gewinnung von Steinen und Erden'],
  ],
  C: [
    ['10', 'Herstellung von Nahrungs- und Futtermitteln'],
    ['11', 'Getränkeherstellung'],
    ['12', 'Tabakverarbeitung'],
    ['13', 'Herstellung von Textilien'],
    ['14', 'Herstellung von Bekleidung'],
    ['15', 'Herstellung von Leder, Lederwaren und Schuhen'],
    ['16', 'Herstellung von Holz-, Flecht-, Korb- und Korkwaren (ohne Möbel)'],
    ['17', 'Herstellung von Papier, Pappe und Waren daraus'],
    ['18', 'Herstellung von Druckerzeugnissen; Vervielfältigung von bespielten Ton-, Bild- und Datenträgern'],
    ['19', 'Kokerei und Mineralölverarbeitung'],
    ['20', 'Herstellung von chemischen Erzeugnissen'],
    ['21', 'Herstellung von pharmazeutischen Erzeugnissen'],
    ['22', 'Herstellung von Gummi- und Kunststoffwaren'],
    ['23', 'Herstellung von Glas und Glaswaren, Keramik, Verarbeitung von Steinen und Erden'],
    ['24', 'Metallerzeugung und -bearbeitung'],
    ['25', 'Herstellung von Metallerzeugnissen'],
    ['26', 'Herstellung von Datenverarbeitungsgeräten, elektronischen und optischen Erzeugnissen'],
    ['27', 'Herstellung von elektrischen Ausrüstungen'],
    ['28', 'Maschinenbau'],
    ['29', 'Herstellung von Kraftwagen und Kraftwagenteilen'],
    ['30', 'Sonstiger Fahrzeugbau'],
    ['31', 'Herstellung von Möbeln'],
    ['32', 'Herstellung von sonstigen Waren'],
    ['33', 'Reparatur und Installation von Maschinen und Ausrüstungen'],
  ],
  D: [['35', 'Energieversorgung']],
  E: [
    ['36', 'Wasserversorgung'],
    ['37', 'Abwasserentsorgung'],
    ['38', 'Sammlung, Behandlung und Beseitigung von Abfällen; Rückgewinnung'],
    ['39', 'Beseitigung von Umweltverschmutzungen und sonstige Entsorgung'],
  ],
  F: [
    ['41', 'Hochbau'],
    ['42', 'Tiefbau'],
    ['43', 'Vorbereitende Baustellenarbeiten, Bauinstallation und sonstiges Ausbaugewerbe'],
  ],
  G: [
    ['45', 'Handel mit Kraftfahrzeugen; Instandhaltung und Reparatur von Kraftfahrzeugen'],
    ['46', 'Großhandel (ohne Handel mit Kraftfahrzeugen)'],
    ['47', 'Einzelhandel (ohne Handel mit Kraftfahrzeugen)'],
  ],
  H: [
    ['49', 'Landverkehr und Transport in Rohrfernleitungen'],
    ['50', 'Schifffahrt'],
    ['51', 'Luftfahrt'],
    ['52', 'Lagerei sowie Erbringung von sonstigen Dienstleistungen für den Verkehr'],
    ['53', 'Post-, Kurier- und Expressdienste'],
  ],
  I: [
    ['55', 'Beherbergung'],
    ['56', 'Gastronomie'],
  ],
  J: [
    ['58', 'Verlagswesen'],
    [
      '59',
      'Herstellung, Verleih und Vertrieb von Filmen und Fernsehprogrammen; Kinos; Tonstudios und Verlegen von Musik',
    ],
    ['60', 'Rundfunkveranstalter'],
    ['61', 'Telekommunikation'],
    ['62', 'Erbringung von Dienstleistungen der Informationstechnologie'],
    ['63', 'Informationsdienstleistungen'],
  ],
  K: [
    ['64', 'Erbringung von Finanzdienstleistungen'],
    ['65', 'Versicherungen, Rückversicherungen und Pensionskassen (ohne Sozialversicherung)'],
    ['66', 'Mit Finanz- und Versicherungsdienstleistungen verbundene Tätigkeiten'],
  ],
  L: [['68', 'Grundstücks- und Wohnungswesen']],
  M: [
    ['69', 'Rechts- und Steuerberatung, Wirtschaftsprüfung'],
    ['70', 'Verwaltung und Führung von Unternehmen und Betrieben; Unternehmensberatung'],
    ['71', 'Architektur- und Ingenieurbüros; technische, physikalische und chemische Untersuchung'],
    ['72', 'Forschung und Entwicklung'],
    ['73', 'Werbung und Marktforschung'],
    ['74', 'Sonstige freiberufliche, wissenschaftliche und technische Tätigkeiten'],
    ['75', 'Veterinärwesen'],
  ],
  N: [
    ['77', 'Vermietung von beweglichen Sachen'],
    ['78', 'Vermittlung und Überlassung von Arbeitskräften'],
    ['79', 'Reisebüros, Reiseveranstalter und Erbringung sonstiger Reservierungsdienstleistungen'],
    ['80', 'Wach- und Sicherheitsdienste sowie Detekteien'],
    ['81', 'Gebäudebetreuung; Garten- und Landschaftsbau'],
    ['82', 'Erbringung von wirtschaftlichen Dienstleistungen für Unternehmen und Privatpersonen a. n. g.'],
  ],
  O: [['84', 'Öffentliche Verwaltung, Verteidigung; Sozialversicherung']],
  P: [['85', 'Erziehung und Unterricht']],
  Q: [
    ['86', 'Gesundheitswesen'],
    ['87', 'Heime (ohne Erholungs- und Ferienheime)'],
    ['88', 'Sozialwesen (ohne Heime)'],
  ],
  R: [
    ['90', 'Kreative, künstlerische und unterhaltende Tätigkeiten'],
    ['91', 'Bibliotheken, Archive, Museen, botanische und zoologische Gärten'],
    ['92', 'Spiel-, Wett- und Lotteriewesen'],
    ['93', 'Erbringung von Dienstleistungen des Sports, der Unterhaltung und der Erholung'],
  ],
  S: [
    ['94', 'Interessenvertretungen sowie kirchliche und sonstige religiöse Vereinigungen (ohne Sozialwesen und Sport)'],
    ['95', 'Reparatur von Datenverarbeitungsgeräten und Gebrauchsgütern'],
    ['96', 'Erbringung von sonstigen überwiegend persönlichen Dienstleistungen'],
  ],
  T: [
    ['97', 'Private Haushalte mit Hauspersonal'],
    [
      '98',
      'Herstellung von Waren und Erbringung von Dienstleistungen durch private Haushalte für den Eigenbedarf ohne ' +
        'ausgeprägten Schwerpunkt',
    ],
  ],
  U: [['99', 'Exterritoriale Organisationen und Körperschaften']],
};

/** Groups (x.y) and classes (x.yz) of the automotive-relevant divisions, in official order. */
const GROUPS_AND_CLASSES: readonly (readonly [string, string])[] = [
  // 22 Herstellung von Gummi- und Kunststoffwaren
  ['22.1', 'Herstellung von Gummiwaren'],
  ['22.11', 'Herstellung und Runderneuerung von Bereifungen'],
  ['22.19', 'Herstellung von sonstigen Gummiwaren'],
  ['22.2', 'Herstellung von Kunststoffwaren'],
  ['22.21', 'Herstellung von Platten, Folien, Schläuchen und Profilen aus Kunststoffen'],
  ['22.22', 'Herstellung von Verpackungsmitteln aus Kunststoffen'],
  ['22.23', 'Herstellung von Baubedarfsartikeln aus Kunststoffen'],
  ['22.29', 'Herstellung von sonstigen Kunststoffwaren'],
  // 25 Herstellung von Metallerzeugnissen
  ['25.1', 'Stahl- und Leichtmetallbau'],
  ['25.11', 'Herstellung von Metallkonstruktionen'],
  ['25.12', 'Herstellung von Ausbauelementen aus Metall'],
  ['25.2', 'Herstellung von Metalltanks und -behältern; Herstellung von Heizkörpern und -kesseln für Zentralheizungen'],
  ['25.21', 'Herstellung von Heizkörpern und -kesseln für Zentralheizungen'],
  ['25.29', 'Herstellung von Sammelbehältern, Tanks u. ä. Behältern aus Metall'],
  ['25.3', 'Herstellung von Dampfkesseln (ohne Zentralheizungskessel)'],
  ['25.30', 'Herstellung von Dampfkesseln (ohne Zentralheizungskessel)'],
  ['25.4', 'Herstellung von Waffen und Munition'],
  ['25.40', 'Herstellung von Waffen und Munition'],
  [
    '25.5',
    'Herstellung von Schmiede-, Press-, Zieh- und Stanzteilen, gewalzten Ringen und pulvermetallurgischen Erzeugnissen',
  ],
  [
    '25.50',
    'Herstellung von Schmiede-, Press-, Zieh- und Stanzteilen, gewalzten Ringen und pulvermetallurgischen Erzeugnissen',
  ],
  ['25.6', 'Oberflächenveredlung, Wärmebehandlung und Mechanik a. n. g.'],
  ['25.61', 'Oberflächenveredlung und Wärmebehandlung'],
  ['25.62', 'Mechanik a. n. g.'],
  ['25.7', 'Herstellung von Schneidwaren, Werkzeugen, Schlössern und Beschlägen aus unedlen Metallen'],
  ['25.71', 'Herstellung von Schneidwaren und Bestecken aus unedlen Metallen'],
  ['25.72', 'Herstellung von Schlössern und Beschlägen aus unedlen Metallen'],
  ['25.73', 'Herstellung von Werkzeugen'],
  ['25.9', 'Herstellung von sonstigen Metallwaren'],
  ['25.91', 'Herstellung von Fässern, Trommeln, Dosen, Eimern u. ä. Behältern aus Metall'],
  ['25.92', 'Herstellung von Verpackungen und Verschlüssen aus Eisen, Stahl und NE-Metall'],
  ['25.93', 'Herstellung von Drahtwaren, Ketten und Federn'],
  ['25.94', 'Herstellung von Schrauben und Nieten'],
  ['25.99', 'Herstellung von sonstigen Metallwaren a. n. g.'],
  // 27 Herstellung von elektrischen Ausrüstungen
  [
    '27.1',
    'Herstellung von Elektromotoren, Generatoren, Transformatoren, Elektrizitätsverteilungs- und -schalteinrichtungen',
  ],
  ['27.11', 'Herstellung von Elektromotoren, Generatoren und Transformatoren'],
  ['27.12', 'Herstellung von Elektrizitätsverteilungs- und -schalteinrichtungen'],
  ['27.2', 'Herstellung von Batterien und Akkumulatoren'],
  ['27.20', 'Herstellung von Batterien und Akkumulatoren'],
  ['27.3', 'Herstellung von Kabeln und elektrischem Installationsmaterial'],
  ['27.31', 'Herstellung von Glasfaserkabeln'],
  ['27.32', 'Herstellung von sonstigen elektronischen und elektrischen Drähten und Kabeln'],
  ['27.33', 'Herstellung von elektrischem Installationsmaterial'],
  ['27.4', 'Herstellung von elektrischen Lampen und Leuchten'],
  ['27.40', 'Herstellung von elektrischen Lampen und Leuchten'],
  ['27.5', 'Herstellung von Haushaltsgeräten'],
  ['27.51', 'Herstellung von elektrischen Haushaltsgeräten'],
  ['27.52', 'Herstellung von nicht elektrischen Haushaltsgeräten'],
  ['27.9', 'Herstellung von sonstigen elektrischen Ausrüstungen und Geräten a. n. g.'],
  ['27.90', 'Herstellung von sonstigen elektrischen Ausrüstungen und Geräten a. n. g.'],
  // 28 Maschinenbau
  ['28.1', 'Herstellung von nicht wirtschaftszweigspezifischen Maschinen'],
  ['28.11', 'Herstellung von Verbrennungsmotoren und Turbinen (ohne Motoren für Luft- und Straßenfahrzeuge)'],
  ['28.12', 'Herstellung von hydraulischen und pneumatischen Komponenten und Systemen'],
  ['28.13', 'Herstellung von Pumpen und Kompressoren a. n. g.'],
  ['28.14', 'Herstellung von Armaturen a. n. g.'],
  ['28.15', 'Herstellung von Lagern, Getrieben, Zahnrädern und Antriebselementen'],
  ['28.2', 'Herstellung von sonstigen nicht wirtschaftszweigspezifischen Maschinen'],
  ['28.21', 'Herstellung von Öfen und Brennern'],
  ['28.22', 'Herstellung von Hebezeugen und Fördermitteln'],
  ['28.23', 'Herstellung von Büromaschinen (ohne Datenverarbeitungsgeräte und periphere Geräte)'],
  ['28.24', 'Herstellung von handgeführten Werkzeugen mit Motorantrieb'],
  ['28.25', 'Herstellung von kälte- und lufttechnischen Erzeugnissen, nicht für den Haushalt'],
  ['28.29', 'Herstellung von sonstigen nicht wirtschaftszweigspezifischen Maschinen a. n. g.'],
  ['28.3', 'Herstellung von land- und forstwirtschaftlichen Maschinen'],
  ['28.30', 'Herstellung von land- und forstwirtschaftlichen Maschinen'],
  ['28.4', 'Herstellung von Werkzeugmaschinen'],
  ['28.41', 'Herstellung von Werkzeugmaschinen für die Metallbearbeitung'],
  ['28.49', 'Herstellung von sonstigen Werkzeugmaschinen'],
  ['28.9', 'Herstellung von Maschinen für sonstige bestimmte Wirtschaftszweige'],
  ['28.91', 'Herstellung von Maschinen für die Metallerzeugung, von Walzwerkseinrichtungen und Gießmaschinen'],
  ['28.92', 'Herstellung von Bergwerks-, Bau- und Baustoffmaschinen'],
  ['28.93', 'Herstellung von Maschinen für die Nahrungs- und Genussmittelerzeugung und die Tabakverarbeitung'],
  ['28.94', 'Herstellung von Maschinen für die Textil- und Bekleidungsherstellung und die Lederverarbeitung'],
  ['28.95', 'Herstellung von Maschinen für die Papiererzeugung und -verarbeitung'],
  ['28.96', 'Herstellung von Maschinen für die Verarbeitung von Kunststoffen und Kautschuk'],
  ['28.99', 'Herstellung von Maschinen für sonstige bestimmte Wirtschaftszweige a. n. g.'],
  // 29 Herstellung von Kraftwagen und Kraftwagenteilen
  ['29.1', 'Herstellung von Kraftwagen und Kraftwagenmotoren'],
  ['29.10', 'Herstellung von Kraftwagen und Kraftwagenmotoren'],
  ['29.2', 'Herstellung von Karosserien, Aufbauten und Anhängern'],
  ['29.20', 'Herstellung von Karosserien, Aufbauten und Anhängern'],
  ['29.3', 'Herstellung von Teilen und Zubehör für Kraftwagen'],
  ['29.31', 'Herstellung elektrischer und elektronischer Ausrüstungsgegenstände für Kraftwagen'],
  ['29.32', 'Herstellung von sonstigen Teilen und sonstigem Zubehör für Kraftwagen'],
];

function buildCodes(): WzCode[] {
  const out: WzCode[] = [];
  for (const { code: section, label } of WZ_SECTIONS) {
    out.push({ code: section, label, level: 'section', section, parent: null });
    for (const [division, divisionLabel] of DIVISIONS[section]) {
      out.push({ code: division, label: divisionLabel, level: 'division', section, parent: section });
      for (const [code, codeLabel] of GROUPS_AND_CLASSES) {
        if (!code.startsWith(`${division}.`)) continue;
        const isGroup = code.length === 4;
        out.push({
          code,
          label: codeLabel,
          level: isGroup ? 'group' : 'class',
          section,
          parent: isGroup ? division : code.slice(0, 4),
        });
      }
    }
  }
  return out;
}

/** Every listed code in hierarchical order: section, its divisions, each followed by its groups and classes. */
export const WZ_CODES: readonly WzCode[] = buildCodes();

const BY_CODE: ReadonlyMap<string, WzCode> = new Map(WZ_CODES.map((c) => [c.code, c]));

/** Section per two-digit division, also used to place codes finer than the listed ones (e.g. '10.11', '29.32.0'). */
const SECTION_OF_DIVISION: ReadonlyMap<string, WzSectionCode> = new Map(
  WZ_CODES.filter((c) => c.level === 'division').map((c) => [c.code, c.section]),
);

/** Shape of a WZ 2008 code below section level: '29', '29.3', '29.32', '29.32.0' (subclass). */
const NUMERIC_CODE = /^\d{2}(?:\.\d(?:\d(?:\.\d)?)?)?$/;

/** True for every listed code (section letter, division, and the listed groups and classes). */
export function isValidWzCode(code: string): boolean {
  return BY_CODE.has(code);
}

export function wzLabel(code: string): string | null {
  return BY_CODE.get(code)?.label ?? null;
}

export function wzLevel(code: string): WzLevel | null {
  return BY_CODE.get(code)?.level ?? null;
}

/** Section letter of a code: '29.32' → 'C', 'C' → 'C'. Well-formed codes finer than the listed ones are placed by their
 * division ('10.11' → 'C'); unknown codes give null. */
export function wzSectionOf(code: string): WzSectionCode | null {
  const listed = BY_CODE.get(code);
  if (listed) return listed.section;
  if (!NUMERIC_CODE.test(code)) return null;
  return SECTION_OF_DIVISION.get(code.slice(0, 2)) ?? null;
}

const digitsOf = (code: string) => code.replaceAll('.', '');

/**
 * Whether `code` falls under the filter value `prefix`. The prefix must be a listed code (so '2' matches nothing).
 * A section letter matches every code of that section; otherwise the comparison is done on the digits with the dots
 * removed: '29' matches '29', '29.1' and '29.32' ('2932' starts with '29'); '29.3' matches '29.32' but not '29.20'.
 */
export function wzMatchesPrefix(code: string, prefix: string): boolean {
  const filter = BY_CODE.get(prefix);
  if (!filter) return false;
  if (filter.level === 'section') return wzSectionOf(code) === filter.section;
  if (!NUMERIC_CODE.test(code)) return false;
  return digitsOf(code).startsWith(digitsOf(prefix));
}
