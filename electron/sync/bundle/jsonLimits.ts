// A validating pre-scan in front of JSON.parse: JSON.parse silently keeps the last of duplicate
// keys and recurses without a depth bound, so hostile input could hide a field from one reader
// or overflow the stack. The scanner recurses at most maxJsonDepth levels and then JSON.parse, which
// is native and fast, builds the value from text already known to be safe.

export type JsonProblem = 'invalid' | 'too-deep' | 'too-long' | 'duplicate-key';

export class JsonLimitError extends Error {
  /** Where a syntax error was found (characters from the start): a refusal names it. */
  offset?: number;
  /** The bytes are not UTF-8 at all. */
  utf8?: boolean;
  constructor(readonly problem: JsonProblem, message: string, readonly key?: string) {
    super(message);
    this.name = 'JsonLimitError';
  }
}

export interface JsonLimits { maxJsonDepth: number; maxStringLength: number }

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON forbids raw control characters in strings; the class stops the run at them.
// eslint-disable-next-line no-control-regex
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Scanner {
  private i = 0;
  constructor(private readonly s: string, private readonly lim: JsonLimits) {}

  run(): void {
    this.value(0);
    this.ws();
    if (this.i !== this.s.length) this.bad('unexpected text after the value');
  }

  private bad(why: string): never {
    const e = new JsonLimitError('invalid', `${why} at offset ${this.i}`);
    e.offset = this.i;
    throw e;
  }

  private ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.i++;
    }
  }

  private value(depth: number): void {
    this.ws();
    const c = this.s[this.i];
    if (c === '{' || c === '[') {
      if (depth + 1 > this.lim.maxJsonDepth) throw new JsonLimitError('too-deep', `nesting deeper than ${this.lim.maxJsonDepth}`);
      if (c === '{') this.object(depth + 1);
      else this.array(depth + 1);
    } else if (c === '"') this.string();
    else if (c === 't') this.word('true');
    else if (c === 'f') this.word('false');
    else if (c === 'n') this.word('null');
    else {
      NUMBER.lastIndex = this.i;
      if (!NUMBER.test(this.s) || NUMBER.lastIndex === this.i) this.bad('expected a value');
      this.i = NUMBER.lastIndex;
    }
  }

  private word(w: string): void {
    if (!this.s.startsWith(w, this.i)) this.bad('expected a value');
    this.i += w.length;
  }

  private string(): void {
    const s = this.s;
    this.i++;
    let length = 0;
    for (;;) {
      PLAIN_RUN.lastIndex = this.i;
      PLAIN_RUN.test(s);
      length += PLAIN_RUN.lastIndex - this.i;
      this.i = PLAIN_RUN.lastIndex;
      if (length > this.lim.maxStringLength) throw new JsonLimitError('too-long', `string longer than ${this.lim.maxStringLength}`);
      const c = s[this.i];
      if (c === '"') { this.i++; return; }
      if (c !== '\\') this.bad(this.i >= s.length ? 'unterminated string' : 'control character in string');
      ESCAPE.lastIndex = this.i;
      if (!ESCAPE.test(s)) this.bad('bad escape');
      this.i = ESCAPE.lastIndex;
      length++;
    }
  }

  private object(depth: number): void {
    this.i++;
    const keys = new Set<string>();
    this.ws();
    if (this.s[this.i] === '}') { this.i++; return; }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.bad('expected a key');
      const start = this.i;
      this.string();
      // Decode escapes so "a" and "\u0061" count as the same key.
      const key = JSON.parse(this.s.slice(start, this.i)) as string;
      if (keys.has(key)) throw new JsonLimitError('duplicate-key', `duplicate key "${key}"`, key);
      keys.add(key);
      this.ws();
      if (this.s[this.i] !== ':') this.bad('expected ":"');
      this.i++;
      this.value(depth);
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return;
      if (c !== ',') this.bad('expected "," or "}"');
    }
  }

  private array(depth: number): void {
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') { this.i++; return; }
    for (;;) {
      this.value(depth);
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return;
      if (c !== ',') this.bad('expected "," or "]"');
    }
  }
}

/** Parse JSON text, refusing duplicate keys, excessive depth and over-long strings. */
export function parseStrictJson(text: string, limits: JsonLimits): unknown {
  new Scanner(text, limits).run();
  return JSON.parse(text) as unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 decoding; a malformed sequence is an error rather than U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const e = new JsonLimitError('invalid', 'not valid UTF-8');
    e.utf8 = true;
    throw e;
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
