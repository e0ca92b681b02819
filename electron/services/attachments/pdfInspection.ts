import { constants, inflateSync } from 'node:zlib';
import { ParseSpeeds, PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectParser, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import { refuseAttachment, type PdfActiveKind } from './attachmentRefusal';

// Issue 29, item 5: a PDF is refused if anything in it can act, when opened or when clicked.
// Text matching over PDF syntax failed (an object stream typed /Obj#53tm, with a comment inside its
// dictionary, with no /Type, or with "obj" in its dictionary hid a script), so the file is parsed
// with a real PDF parser (pdf-lib) and every object is walked, with names normalised (#53 → S):
// - every "N G obj" in the bytes, wherever it sits (also inside another stream's data, where a
//   cross-reference entry could point a reader), every trailer, and every object pdf-lib itself
//   found when it read the document;
// - every stream a reader could use as an object stream (one with /N and /First, or typed ObjStm,
//   whatever its spelling), inflated within a budget and read at each offset it declares; one that
//   cannot be inflated with Flate alone (another filter, a predictor, damage, too large) cannot be
//   inspected, so the file is refused rather than trusted.
// As a second net, the plain bytes and each inflated object stream are searched for the names of
// active content, as before. The document must then load in pdf-lib as a whole (strict: no
// invalid object) with at least one page, unencrypted. Runs in the attachment worker.

/** Inflated object and cross-reference streams beyond this, together, are refused rather than inspected. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** Keys whose presence means an action, script, form, embedded file or media. */
const ACTIVE_KEYS: Record<string, PdfActiveKind> = {
  OpenAction: 'action', AA: 'action', Launch: 'action', GoToR: 'action', GoToE: 'action',
  JS: 'script', JavaScript: 'script',
  URI: 'link',
  AcroForm: 'form', XFA: 'form', SubmitForm: 'form', ImportData: 'form', ResetForm: 'form',
  EmbeddedFile: 'embedded_file', EmbeddedFiles: 'embedded_file', FileAttachment: 'embedded_file',
  RichMedia: 'media', RichMediaContent: 'media', Rendition: 'media', Sound: 'media', Movie: 'media',
};
/** Action types (/S of an action dictionary): every one, internal go-to included. */
const ACTION_TYPES: Record<string, PdfActiveKind> = {
  JavaScript: 'script', URI: 'link', SubmitForm: 'form', ImportData: 'form', ResetForm: 'form',
  Launch: 'action', GoTo: 'action', GoToR: 'action', GoToE: 'action', GoToDp: 'action', Thread: 'action', Hide: 'action', Named: 'action', SetOCGState: 'action', Trans: 'action',
  Sound: 'media', Movie: 'media', Rendition: 'media', GoTo3DView: 'media', RichMediaExecute: 'media',
};
/** /Type or /Subtype values of active objects (annotations, file specifications, actions). */
const ACTIVE_TYPES: Record<string, PdfActiveKind> = {
  Action: 'action', Widget: 'form', EmbeddedFile: 'embedded_file', FileAttachment: 'embedded_file',
  RichMedia: 'media', Sound: 'media', Movie: 'media', Screen: 'media', '3D': 'media',
};
/** The second net over plain text: names that never appear in a passive document. */
const TEXT_NET = new RegExp(`/(${[...Object.keys(ACTIVE_KEYS), 'Encrypt'].join('|')})(?=[\\s()<>\\[\\]{}/%]|$)`, 'g');
/**
 * Two-letter names turn up by chance in compressed or image data (/JS or /AA followed by a
 * delimiter: about 1 in 20 random 8 MB files), so inside stream data the net leaves them to the
 * parser; a script hidden there still needs /S /JavaScript, which the net does catch.
 */
const SHORT = new Set(['JS', 'AA']);

/** A name as a reader sees it: pdf-lib decodes #xx only in capitals (#4F), a reader also #4f. */
const nameOf = (n: PDFName): string => n.decodeText().replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function active(kind: PdfActiveKind, key: string): never {
  return refuseAttachment('pdf_active', `The PDF contains active content (/${key}); print it to a plain PDF or scan the paper instead.`, { kind, key });
}
const uninspectable = (why: string): never =>
  refuseAttachment('pdf_uninspectable', `The PDF packs objects in a way that cannot be checked (${why}); print it to a plain PDF or scan the paper instead.`);

export async function inspectPdf(content: Buffer): Promise<void> {
  const walker = new Walker(content);
  walker.textNet(content);
  walker.discover();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(content, { throwOnInvalidObject: true, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (err) {
    if ((err as Error).name === 'EncryptedPDFError') refuseAttachment('pdf_encrypted', 'The PDF is encrypted, so it cannot be checked; save it without a password.');
    return refuseAttachment('pdf_unreadable', 'The file is not a readable PDF; print it to PDF again or scan the paper.', { why: (err as Error).message });
  }
  for (const [, object] of doc.context.enumerateIndirectObjects()) walker.walk(object);
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    pages = 0;
  }
  if (pages < 1) refuseAttachment('pdf_unreadable', 'The file is not a readable PDF (it has no page); print it to PDF again or scan the paper.');
}

/** An /A dictionary with /S is an action, of the kind its type says. */
function checkAction(dict: PDFDict): void {
  const type = dict.entries().find(([n]) => nameOf(n) === 'S')?.[1];
  if (type) active((type instanceof PDFName && ACTION_TYPES[nameOf(type)]) || 'action', type instanceof PDFName ? nameOf(type) : 'A');
}

class Walker {
  private readonly context = PDFContext.create();
  /** Objects by number, every version found: an /A pointing elsewhere is looked up here. */
  private readonly byNumber = new Map<number, PDFObject[]>();
  private inflated = 0;

  constructor(private readonly bytes: Buffer) {}

  textNet(bytes: Buffer): void {
    const text = bytes.toString('latin1').replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    const streams = [...text.matchAll(/(?<![A-Za-z])stream\r?\n/g)].map((m) => [m.index, text.indexOf('endstream', m.index)] as const);
    const inStream = (at: number) => streams.some(([start, end]) => at > start && (end < 0 || at < end));
    for (const m of text.matchAll(TEXT_NET)) {
      const found = m[1]!;
      if (SHORT.has(found) && inStream(m.index)) continue;
      if (found === 'Encrypt') refuseAttachment('pdf_encrypted', 'The PDF is encrypted, so it cannot be checked; save it without a password.');
      active(ACTIVE_KEYS[found]!, found);
    }
  }

  /** Every object after an "obj" keyword and every trailer dictionary in the file's bytes. */
  discover(): void {
    const text = this.bytes.toString('latin1');
    const found: PDFObject[] = [];
    for (const m of text.matchAll(/(?<![A-Za-z0-9])(obj|trailer)(?![A-Za-z0-9])/g)) {
      const object = this.parseAt(this.bytes, m.index + m[0].length);
      if (!object) continue;
      const header = m[1] === 'obj' ? /(\d+)[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+$/.exec(text.slice(Math.max(0, m.index - 40), m.index)) : null;
      if (header) this.remember(Number(header[1]), object);
      found.push(object);
    }
    // Object streams first, so that an /A pointing into one finds its target.
    const packed = found.flatMap((object) => (object instanceof PDFRawStream ? this.expand(object) : []));
    for (const object of [...found, ...packed]) this.walk(object);
  }

  private parseAt(bytes: Uint8Array, offset: number): PDFObject | null {
    try {
      return PDFObjectParser.forBytes(bytes.subarray(offset), this.context).parseObject();
    } catch {
      // Not an object here (the word inside text or binary data): no reader can use it either.
      return null;
    }
  }

  private remember(number: number, object: PDFObject): void {
    const versions = this.byNumber.get(number) ?? [];
    versions.push(object);
    this.byNumber.set(number, versions);
  }

  /** Reads an object stream's objects, and bounds what pdf-lib will inflate of a cross-reference stream. */
  private expand(stream: PDFRawStream): PDFObject[] {
    const keys = new Map(stream.dict.entries().map(([k, v]) => [nameOf(k), v]));
    const type = keys.get('Type');
    const typeName = type instanceof PDFName ? nameOf(type) : '';
    const objectStream = typeName === 'ObjStm' || (keys.has('N') && keys.has('First'));
    if (!objectStream && typeName !== 'XRef') return [];
    const data = this.inflate(keys, stream.contents, objectStream);
    if (!objectStream) return [];
    this.textNet(data);
    const first = keys.get('First');
    const firstOffset = first instanceof PDFNumber ? first.asNumber() : 0;
    const header = data.subarray(0, Math.max(0, Math.min(firstOffset, data.length))).toString('latin1');
    const objects: PDFObject[] = [];
    for (const pair of header.matchAll(/(\d+)\s+(\d+)/g)) {
      const object = this.parseAt(data, firstOffset + Number(pair[2]));
      if (!object) continue;
      this.remember(Number(pair[1]), object);
      objects.push(object);
    }
    return objects;
  }

  private inflate(keys: Map<string, PDFObject>, contents: Uint8Array, objectStream: boolean): Buffer {
    const filter = keys.get('Filter');
    const filters = filter instanceof PDFArray ? filter.asArray() : filter === undefined ? [] : [filter];
    const names = filters.map((f) => (f instanceof PDFName ? nameOf(f) : '?'));
    if (names.length > 1 || (names.length === 1 && names[0] !== 'FlateDecode')) uninspectable(`filter ${names.join(', ')}`);
    // A predictor changes the bytes after inflating: an object stream with one is not read here.
    const parms = keys.get('DecodeParms');
    if (objectStream && parms !== undefined && !(parms instanceof PDFDict && parms.entries().length === 0)) uninspectable('decode parameters');
    if (names.length === 0) return Buffer.from(contents);
    const budget = MAX_INFLATED_BYTES - this.inflated;
    let data: Buffer;
    try {
      // A truncated stream inflates as far as it goes, as readers do.
      data = inflateSync(contents, { maxOutputLength: Math.max(1, budget), finishFlush: constants.Z_SYNC_FLUSH });
    } catch (err) {
      return uninspectable((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too large' : 'damaged');
    }
    this.inflated += data.length;
    return data;
  }

  /** Every dictionary, array and name reachable inside `root` (not through references). */
  walk(root: PDFObject | undefined): void {
    const stack: PDFObject[] = root ? [root] : [];
    while (stack.length > 0) {
      const object = stack.pop()!;
      if (object instanceof PDFRawStream) stack.push(object.dict);
      else if (object instanceof PDFArray) for (const item of object.asArray()) stack.push(item);
      else if (object instanceof PDFDict) {
        this.checkDict(object);
        for (const [, value] of object.entries()) stack.push(value);
      } else if (object instanceof PDFName && nameOf(object) === 'JavaScript') active('script', 'JavaScript');
    }
  }

  private checkDict(dict: PDFDict): void {
    for (const [key, value] of dict.entries()) {
      const k = nameOf(key);
      const v = value instanceof PDFName ? nameOf(value) : null;
      if (k === 'Encrypt') refuseAttachment('pdf_encrypted', 'The PDF is encrypted, so it cannot be checked; save it without a password.');
      if (ACTIVE_KEYS[k]) active(ACTIVE_KEYS[k], k);
      if (k === 'S' && v && ACTION_TYPES[v]) active(ACTION_TYPES[v], v);
      if ((k === 'Type' || k === 'Subtype') && v && ACTIVE_TYPES[v]) active(ACTIVE_TYPES[v], v);
      // /A is an action in annotations and outlines (a dictionary with /S), attributes in tagged PDFs.
      if (k === 'A') for (const target of this.resolve(value)) if (target instanceof PDFDict) checkAction(target);
    }
  }

  private resolve(value: PDFObject): PDFObject[] {
    return value instanceof PDFRef ? (this.byNumber.get(value.objectNumber) ?? []) : [value];
  }
}
