import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect } from 'vitest';

/** `text`: all pages joined by a space, for facts that may fall on any page. */
export type PdfContent = { pages: string[]; text: string; title: string | undefined };

/** Reads a PDF back as a user's viewer would: the text of each page (items joined by spaces) and the title. */
export async function readPdf(bytes: Uint8Array | Buffer): Promise<PdfContent> {
  expectPdf(bytes);
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
    return { pages, text: pages.join(' '), title: info.Title };
  } finally {
    await doc.destroy();
  }
}

function expectPdf(bytes: Uint8Array | Buffer) {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head !== '%PDF-') throw new Error(`not a PDF: starts with ${JSON.stringify(head)}`);
}

/** What makes a PDF an archival PDF/A, read back from the file (a validator would check more; these are the basics). */
/** A PDF download as the browser gets it: 200, the PDF type and the file name offered; then its content. */
export async function readPdfDownload(
  res: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer },
  filename: string,
): Promise<PdfContent> {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toContain(`filename="${filename}"`);
  return readPdf(res.rawPayload);
}

export type PdfArchival = {
  /** '%PDF-1.7' → '1.7' */
  version: string;
  /** From the XMP metadata: pdfaid:part and pdfaid:conformance ('2', 'B' for PDF/A-2b). */
  part: string | undefined;
  conformance: string | undefined;
  /** dc:title of the XMP metadata, which must equal the document title. */
  xmpTitle: string | undefined;
  /** The output intent's subtype and condition ('GTS_PDFA1', 'sRGB IEC61966-2.1'), and whether it has an ICC profile. */
  outputIntent: { subtype: string; condition: string; iccProfile: boolean } | undefined;
  /** Every font descriptor and whether its font program is embedded. */
  fonts: { name: string; embedded: boolean }[];
  /** The trailer has a file identifier. */
  hasId: boolean;
};

export async function readPdfArchival(bytes: Uint8Array | Buffer): Promise<PdfArchival> {
  expectPdf(bytes);
  const raw = Buffer.from(bytes).toString('latin1');
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const { metadata } = (await doc.getMetadata()) as { metadata: { get(name: string): unknown } | null };
    const intent = /\/Type\s*\/OutputIntent([\s\S]*?)>>/.exec(raw)?.[1];
    const text = (key: string) => (intent ? /\((.*?)\)/.exec(intent.split(`/${key}`)[1] ?? '')?.[1] : undefined);
    const fonts = [...raw.matchAll(/\/Type\s*\/FontDescriptor([\s\S]*?)>>/g)].map((m) => ({
      name: /\/FontName\s*\/([^\s/]+)/.exec(m[1] ?? '')?.[1] ?? '',
      embedded: /\/FontFile[23]?\s+\d+\s+\d+\s+R/.test(m[1] ?? ''),
    }));
    return {
      version: raw.slice(5, 8),
      part: metadata?.get('pdfaid:part') as string | undefined,
      conformance: metadata?.get('pdfaid:conformance') as string | undefined,
      xmpTitle: metadata?.get('dc:title') as string | undefined,
      outputIntent: intent
        ? {
            subtype: /\/S\s*\/(\w+)/.exec(intent)?.[1] ?? '',
            condition: text('OutputConditionIdentifier') ?? '',
            iccProfile: /\/DestOutputProfile\s+\d+\s+\d+\s+R/.test(intent),
          }
        : undefined,
      fonts,
      hasId: /trailer[\s\S]*\/ID\s*\[/.test(raw),
    };
  } finally {
    await doc.destroy();
  }
}
