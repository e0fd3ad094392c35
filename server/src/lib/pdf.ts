import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import anyAscii from 'any-ascii';
import * as fontkit from 'fontkit';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { berlinFormat } from './time.ts';

/**
 * PDF documents from pdfmake definitions, with the Roboto fonts shipped in the pdfmake package (no download), as
 * PDF/A-2b: archived certificates, lists and reports stay readable (fonts embedded, XMP metadata, sRGB output intent).
 */

export const PDF_TYPE = 'application/pdf';

const require = createRequire(import.meta.url);
let instance: typeof import('pdfmake') | undefined;
const fontDir = () => join(dirname(require.resolve('pdfmake/package.json')), 'build/fonts/Roboto');

/** pdfmake, loaded on first use (it weighs a fifth of a second of start-up) and set up once. */
function pdfmake(): typeof import('pdfmake') {
  if (instance) return instance;
  // pdfmake's Node entry is `module.exports = instance`, which an ESM import would only give as `default`.
  const pdf = require('pdfmake') as typeof import('pdfmake');
  const dir = fontDir();
  pdf.setFonts({
    Roboto: {
      normal: join(dir, 'Roboto-Regular.ttf'),
      bold: join(dir, 'Roboto-Medium.ttf'),
      italics: join(dir, 'Roboto-Italic.ttf'),
      bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Documents are built from database text only: no remote images, no local files but the fonts (and the ICC profile
  // pdfkit embeds for PDF/A).
  pdf.setUrlAccessPolicy(() => false);
  pdf.setLocalAccessPolicy((path) => path.startsWith(dir) || path.endsWith('sRGB_IEC61966_2_1.icc'));
  instance = pdf;
  return pdf;
}

let roboto: Set<number> | undefined;
/** The code points Roboto (all four styles share them) has a glyph for: Latin, Greek, Cyrillic and more. */
function robotoCharacters(): Set<number> {
  roboto ??= new Set((fontkit.openSync(join(fontDir(), 'Roboto-Regular.ttf')) as fontkit.Font).characterSet);
  return roboto;
}

/** Emoji and what builds them (joiner, variation selectors, skin tones, flag letters, keycaps): decoration in a name. */
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0e|\ufe0f|\u20e3/u;

/**
 * Text as the embedded font can print it: a character Roboto has no glyph for would print as an empty box (and break
 * PDF/A, which forbids the .notdef glyph). Emoji are left out; letters of other scripts are transliterated
 * ('李明' → 'Li Ming', 'محمد' → 'mhmd'), so a name stays legible.
 */
export function printable(text: string): string {
  const covered = robotoCharacters();
  let out = '';
  let transliterated = false;
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) as number;
    if (covered.has(code) || char === '\n' || char === '\r' || char === '\t') {
      out += char;
      transliterated = false;
    } else if (!EMOJI.test(char)) {
      const latin = anyAscii(char);
      // Syllables of Chinese, Japanese or Korean come capitalised: a space between them reads as the name is spoken.
      out += transliterated && /^[A-Z]/.test(latin) ? ` ${latin}` : latin;
      transliterated = latin !== '';
    }
  }
  if (out === text) return text;
  // A dropped emoji leaves no double or new edge space (an edge space the text had, e.g. before a bold run, stays).
  out = out.replace(/ {2,}/g, ' ');
  if (!text.startsWith(' ')) out = out.replace(/^ +/, '');
  if (!text.endsWith(' ')) out = out.replace(/ +$/, '');
  return out;
}

/** Every string of a document definition made printable; functions (footers, layouts) print what they return. */
function printableDefinition<T>(node: T): T {
  if (typeof node === 'string') return printable(node) as T;
  if (Array.isArray(node)) return node.map(printableDefinition) as T;
  if (typeof node === 'function') {
    return ((...args: unknown[]) => printableDefinition((node as (...a: unknown[]) => unknown)(...args))) as T;
  }
  if (node && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, printableDefinition(v)])) as T;
  }
  return node;
}

const dateFormat = berlinFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = berlinFormat('de-DE', { hour: '2-digit', minute: '2-digit' });
const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** '15.11.2024' (Berlin time) */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
/** '1.234,5' */
export const formatNumber = (n: number) => numberFormat.format(n);

/** '15.11.2024, 10:00–14:00 Uhr' or '04.03.2025 – 06.03.2025'. */
export function formatRange(startsAt: string, endsAt: string | null): string {
  const time = (iso: string) => timeFormat.format(new Date(iso));
  if (!endsAt) return `${formatDate(startsAt)}, ${time(startsAt)} Uhr`;
  if (formatDate(startsAt) === formatDate(endsAt))
    return `${formatDate(startsAt)}, ${time(startsAt)}–${time(endsAt)} Uhr`;
  return `${formatDate(startsAt)} – ${formatDate(endsAt)}`;
}

const FOOTER_COLOR = '#555555';

/**
 * The house style: A4, Roboto, a footer with the sender and (unless turned off) "Seite x von y"; PDF/A-2b (PDF 1.7)
 * with every text printable in the embedded font.
 */
export async function renderPdf(
  doc: TDocumentDefinitions & { title: string; footerText: string; createdAt: string; pageNumbers?: boolean },
): Promise<Buffer> {
  const { title, footerText, createdAt, pageNumbers = true, ...definition } = printableDefinition(doc);
  const margins = definition.pageOrientation === 'landscape' ? 28 : 46;
  const pdf = pdfmake().createPdf({
    version: '1.7',
    subset: 'PDF/A-2b',
    language: 'de-DE',
    pageSize: 'A4',
    pageMargins: [margins, 40, margins, 46],
    info: { title, author: 'ANeTT Netzwerk-CRM', creator: 'ANeTT Netzwerk-CRM', creationDate: new Date(createdAt) },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    footer: (page, pages): Content => ({
      margin: [margins, 14, margins, 0],
      columns: [
        { text: footerText, fontSize: 8, color: FOOTER_COLOR },
        pageNumbers
          ? { text: `Seite ${page} von ${pages}`, fontSize: 8, color: FOOTER_COLOR, alignment: 'right', width: 'auto' }
          : { text: '', width: 'auto' },
      ],
    }),
    ...definition,
  });
  return Buffer.from(await pdf.getBuffer());
}

/** Table lines: thin grey rules, a light header row. */
export const gridLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#888888',
  vLineColor: () => '#888888',
  fillColor: (row: number) => (row === 0 ? '#eeeeee' : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};
