import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfContent = { pages: string[]; title: string | undefined };

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
    return { pages, title: info.Title };
  } finally {
    await doc.destroy();
  }
}

function expectPdf(bytes: Uint8Array | Buffer) {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head !== '%PDF-') throw new Error(`not a PDF: starts with ${JSON.stringify(head)}`);
}
