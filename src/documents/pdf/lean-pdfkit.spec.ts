import { inflateSync } from 'node:zlib';
import { SAMPLE_AGENDA } from '../agenda/agenda.sample';
import { SAMPLE_BADGE, SAMPLE_LONG_BADGE } from '../badge/badge.sample';
import { SAMPLE_CERTIFICATE } from '../certificate/certificate.sample';
import { renderProgramme } from '../programme/programme.renderer';
import { SAMPLE_PROGRAMME } from '../programme/programme.sample';
import { renderSingle } from '../render/single-documents';
import { SAMPLE_DAY_SHEET, SAMPLE_SESSION_SHEET } from '../sign-in-sheet/sign-in-sheet.sample';
import { createPdf, Pdf, toBuffer } from './pdf-document';

type Renderers = { renderSingle: typeof renderSingle; renderProgramme: typeof renderProgramme; toBuffer: typeof toBuffer };

const AT = new Date('2027-01-15T08:00:00Z');

/** Every document, drawn with the given modules. */
async function everyDocument({ renderSingle, renderProgramme, toBuffer }: Renderers): Promise<Buffer[]> {
  return [
    await renderSingle('badge', SAMPLE_BADGE, AT),
    await renderSingle('badge', SAMPLE_LONG_BADGE, AT),
    await renderSingle('agenda', SAMPLE_AGENDA, AT),
    await renderSingle('certificate', SAMPLE_CERTIFICATE, AT),
    await renderSingle('signInSheets', { title: 'Émargement', sheets: [SAMPLE_SESSION_SHEET, SAMPLE_DAY_SHEET] }, AT),
    await toBuffer(renderProgramme(SAMPLE_PROGRAMME, AT)),
  ];
}

/** The same modules in a registry of their own where lean-pdfkit does nothing: pdfkit as it ships. */
function plainRenderers(): Renderers {
  let renderers: Renderers | undefined;
  jest.isolateModules(() => {
    jest.doMock('./lean-pdfkit', () => ({ leanPdfkit: () => undefined, keepLayouts: () => undefined }));
    /* eslint-disable @typescript-eslint/no-require-imports */
    renderers = {
      renderSingle: (require('../render/single-documents') as typeof import('../render/single-documents')).renderSingle,
      renderProgramme: (require('../programme/programme.renderer') as typeof import('../programme/programme.renderer')).renderProgramme,
      toBuffer: (require('./pdf-document') as typeof import('./pdf-document')).toBuffer,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  return renderers!;
}

/**
 * The document with every stream inflated, and without what compression changes (the streams'
 * lengths, the cross-reference offsets): what a reader gets from it.
 */
function inflated(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  let out = '';
  let at = 0;
  for (let start = text.indexOf('stream\n', at); start >= 0; start = text.indexOf('stream\n', at)) {
    const end = text.indexOf('\nendstream', start);
    const dictionary = text.slice(at, start).replace(/\/Length \d+/, '/Length');
    const bytes = pdf.subarray(start + 'stream\n'.length, end);
    const filtered = /\/Filter \/FlateDecode/.test(dictionary);
    out += dictionary + 'stream\n' + (filtered ? inflateSync(bytes) : bytes).toString('latin1') + '\nendstream';
    at = end + '\nendstream'.length;
  }
  return out + text.slice(at, text.indexOf('\nxref'));
}

describe('leanPdfkit', () => {
  it('writes every document as pdfkit does, the same objects and the same bytes in every stream, the first time and from kept layouts', async () => {
    const plain = await everyDocument(plainRenderers());
    const first = await everyDocument({ renderSingle, renderProgramme, toBuffer });
    const again = await everyDocument({ renderSingle, renderProgramme, toBuffer });
    plain.forEach((pdf, i) => {
      expect(inflated(first[i])).toBe(inflated(pdf));
      expect(again[i].equals(first[i])).toBe(true);
    });
  });

  it('compresses every stream but the XMP metadata, into less than pdfkit (or a few per cent more)', async () => {
    const [badge] = await everyDocument({ renderSingle, renderProgramme, toBuffer });
    const [plainBadge] = await everyDocument(plainRenderers());
    const text = badge.toString('latin1');
    const streams = text.match(/<<[^]*?>>\nstream\n/g)!;
    expect(streams.filter((d) => !d.includes('/FlateDecode')).every((d) => d.includes('/Metadata'))).toBe(true);
    expect(badge.length).toBeLessThan(plainBadge.length * 1.05);
  });

  it('is in place: a text laid out in one document is not laid out again in the next', () => {
    const layoutIn = (doc: Pdf) => (doc as unknown as { _font: { layout(text: string): unknown } })._font.layout('Rencontre régionale');
    const one = createPdf({ title: 'un' });
    const two = createPdf({ title: 'deux' });
    expect(layoutIn(two)).toBe(layoutIn(one));
  });
});
