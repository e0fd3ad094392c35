import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

/** PDF documents from pdfmake definitions, with the Roboto fonts shipped in the pdfmake package (no download). */

export const PDF_TYPE = 'application/pdf';

const require = createRequire(import.meta.url);
let instance: typeof import('pdfmake') | undefined;

/** pdfmake, loaded on first use (it weighs a fifth of a second of start-up) and set up once. */
function pdfmake(): typeof import('pdfmake') {
  if (instance) return instance;
  // pdfmake's Node entry is `module.exports = instance`, which an ESM import would only give as `default`.
  const pdf = require('pdfmake') as typeof import('pdfmake');
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'build/fonts/Roboto');
  pdf.setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Documents are built from database text only: no remote images, no local files but the fonts.
  pdf.setUrlAccessPolicy(() => false);
  pdf.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  instance = pdf;
  return pdf;
}

const TZ = 'Europe/Berlin';
const dateFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
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

/** The house style: A4, Roboto, a footer with the sender and (unless turned off) "Seite x von y". */
export async function renderPdf(
  doc: TDocumentDefinitions & { title: string; footerText: string; createdAt: string; pageNumbers?: boolean },
): Promise<Buffer> {
  const { title, footerText, createdAt, pageNumbers = true, ...definition } = doc;
  const margins = definition.pageOrientation === 'landscape' ? 28 : 46;
  const pdf = pdfmake().createPdf({
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
