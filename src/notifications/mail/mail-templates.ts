import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import type { MailKind, MailView, RenderedMail } from './mail-view';

/**
 * templates/mail at the repository root: the nearest ancestor that has it (three levels up from
 * src/notifications/mail under Jest and from dist/notifications/mail once compiled).
 */
export const DEFAULT_MAIL_TEMPLATES_DIR = findTemplatesDir(__dirname);

function findTemplatesDir(from: string): string {
  for (let dir = from, i = 0; i < 8; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'templates', 'mail');
    if (existsSync(candidate)) return candidate;
  }
  return join(from, '..', '..', '..', 'templates', 'mail');
}

// A record, not an array, so that a kind added to MailView without its templates fails to compile.
const KINDS: Record<MailKind, true> = {
  confirmation: true,
  allocation: true,
  waitlisted: true,
  promoted: true,
  workshop_promoted: true,
  cancellation: true,
  reminder: true,
  session_changed: true,
  event_cancelled: true,
  broadcast: true,
  manage_link: true,
};
export const MAIL_KINDS: readonly MailKind[] = Object.keys(KINDS) as MailKind[];

/** The longest subject we send, in characters (graphemes): longer ones are cut with "…". */
export const SUBJECT_MAX_LENGTH = 200;

const ZWSP = '\u200B';
// Dots as linkifiers see them: ASCII, ideographic, fullwidth and halfwidth.
const DOTS = '.\u3002\uFF0E\uFF61';
const URL_LIKE = new RegExp(`[a-z][a-z0-9+.-]*:\\/\\/|(?:^|[^\\p{L}\\p{N}_])www[${DOTS}]|[\\p{L}\\p{N}_-][${DOTS}]\\p{L}{2,}`, 'iu');
const UNDEFUSED_DOT = new RegExp(`(?<!${ZWSP})([${DOTS}])`, 'gu');

/**
 * Breaks URL- and domain-looking words ("http://evil.example/x", "www.x.fr", "evil.example")
 * with zero-width spaces, after "://" and before each dot, so that mail clients do not turn text
 * someone typed into a link (anyone can register someone else's address with a first name like
 * "Cliquez http://evil.example"). Other words are left as they are; applying it twice changes nothing.
 */
export function defuseLinks(text: string): string {
  return text.replace(/\S+/gu, (word) => (URL_LIKE.test(word) ? word.replace(/:\/\/(?!\u200B)/g, `://${ZWSP}`).replace(UNDEFUSED_DOT, `${ZWSP}$1`) : word));
}

// Controls (CR, LF, tab, NUL, NEL…) and Unicode line/paragraph separators.
const LINE_BREAKERS = /[\p{Cc}\u2028\u2029]+/gu;

/** One line: each run of control characters becomes one space. */
function oneLine(text: string): string {
  return text.replace(LINE_BREAKERS, ' ');
}

/** Text with paragraphs (a broadcast's body): LF line endings, other controls become spaces. */
function multiLine(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/[^\P{Cc}\n]+/gu, ' ');
}

/** Built once: a segmenter is costly to make and holds no state between calls. */
const GRAPHEMES = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/** A subject header: one line, trimmed, at most SUBJECT_MAX_LENGTH characters. */
export function toSubjectLine(text: string): string {
  const line = text.replace(/[\p{Cc}\u2028\u2029 ]+/gu, ' ').trim();
  // No character is more than one grapheme: a line that short is short enough.
  if (line.length <= SUBJECT_MAX_LENGTH) return line;
  const graphemes = Array.from(GRAPHEMES.segment(line), (s) => s.segment);
  if (graphemes.length <= SUBJECT_MAX_LENGTH) return line;
  return `${graphemes
    .slice(0, SUBJECT_MAX_LENGTH - 1)
    .join('')
    .trimEnd()}…`;
}

// Values the organisers or the application set and that must stay usable as they are:
// the two links (validated by the link helpers) and the address people write to.
const NOT_DEFUSED = new Set(['manageUrl', 'onlineUrl', 'contactEmail']);

/**
 * The view as the templates see it: every text defused and single-line (a broadcast's body keeps
 * its line breaks). A value explicitly `undefined` throws: Handlebars' strict mode only catches
 * absent keys.
 */
function prepare(value: unknown, key: string, path: string): unknown {
  if (value === undefined) throw new Error(`MailView: ${path} is undefined`);
  if (typeof value === 'string') {
    if (NOT_DEFUSED.has(key)) return oneLine(value);
    return defuseLinks(key === 'body' ? multiLine(value) : oneLine(value));
  }
  if (Array.isArray(value)) return value.map((item, i) => prepare(item, key, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prepare(v, k, `${path}.${k}`)]));
  }
  return value;
}

/** Only absolute http(s) links are ever written; anything else is a bug upstream, so it throws. */
function safeHref(url: unknown): string {
  if (typeof url !== 'string') throw new Error(`Mail link: expected a URL, got ${String(url)}`);
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new Error(`Mail link: only http(s) URLs are linked, got ${JSON.stringify(url)}`);
  }
  return parsed.href;
}

type Hbs = typeof Handlebars;
const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;

/**
 * Strict mode throws for a missing {{value}}, but block helpers and subexpressions read missing
 * keys as undefined, which would silently print the "else" wording: these refuse undefined too.
 */
function registerStrictHelpers(hbs: Hbs): void {
  for (const name of BLOCK_HELPERS) {
    const builtin = hbs.helpers[name];
    hbs.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as Handlebars.HelperOptions & { loc?: { start: { line: number } } };
      if (args.length < 2 || args[0] === undefined) {
        throw new Error(`Mail template: #${name} on a missing value (line ${options.loc?.start.line ?? '?'})`);
      }
      return Reflect.apply(builtin, this, args) as unknown;
    });
  }
  hbs.registerHelper('eq', (a: unknown, b: unknown) => {
    if (a === undefined || b === undefined) throw new Error('Mail template: eq on a missing value');
    return a === b;
  });
}

const ESCAPE = Handlebars.Utils.escapeExpression;
// For a quoted attribute: Handlebars' escaper also turns "=" into "&#x3D;", which is valid but
// makes every link with a query string harder to read in the source.
const ATTRIBUTE = (value: string) => value.replace(/[&"'<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[c] as string);
const LINK_STYLE = 'color:#000091;text-decoration:underline;font-weight:bold;';
const BUTTON_STYLE = 'display:inline-block;background:#000091;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px;';

function registerHtmlHelpers(hbs: Hbs): void {
  hbs.registerHelper('link', (url: unknown, label: unknown) => new hbs.SafeString(`<a href="${ATTRIBUTE(safeHref(url))}" style="${LINK_STYLE}">${ESCAPE(String(label))}</a>`));
  hbs.registerHelper('button', (url: unknown, label: unknown) => new hbs.SafeString(`<a href="${ATTRIBUTE(safeHref(url))}" style="${BUTTON_STYLE}">${ESCAPE(String(label))}</a>`));
  // Plain text with line breaks: blank lines separate paragraphs, single breaks become <br>.
  hbs.registerHelper('paragraphs', (text: unknown) => {
    if (typeof text !== 'string') throw new Error('Mail template: paragraphs of a missing text');
    const paragraphs = text
      .split(/\n[ \t]*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => `<p style="margin:0 0 16px;">${p.split('\n').map(ESCAPE).join('<br>\n')}</p>`);
    return new hbs.SafeString(paragraphs.join('\n'));
  });
}

function registerTextHelpers(hbs: Hbs): void {
  // The same names as in HTML so templates read alike; the label is for HTML only.
  hbs.registerHelper('link', (url: unknown) => safeHref(url));
  hbs.registerHelper('button', (url: unknown) => safeHref(url));
}

// "jeudi 11 mars 2027 à 9 h 00", as src/common/time.ts words it; anything else is shown as given.
const CLOCK = /^(\d{1,2}) h (\d{2})$/;
const DAY_AT = /^([\p{L}\d ]+) à (\d{1,2} h \d{2})$/u;

/** "9 h 00" → "9 heures", "14 h 30" → "14 heures 30": how the time is said, for easy-to-read messages. */
export function spokenTime(time: string): string | null {
  const m = CLOCK.exec(time);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  const hours = `${Number(m[1])} ${Number(m[1]) < 2 ? 'heure' : 'heures'}`;
  return m[2] === '00' ? hours : `${hours} ${m[2]}`;
}

/** A span as easy-to-read messages word it: on its own lines, the day then the hours. */
export interface EasyDates {
  /** "jeudi 11 mars 2027" when the span is within one day, else null. */
  day: string | null;
  /** "De 9 heures à 17 heures", with `day`. */
  hours: string | null;
  /** The whole span on one line, when it is not within one day or not worded as expected. */
  text: string;
}

/**
 * From the worded start and end ("jeudi 11 mars 2027 à 9 h 00", and "17 h 00" or another day
 * "vendredi 12 mars 2027 à 17 h 00"). Only that simple shape is reworded: anything else is kept as given.
 */
export function easyDates(startsAt: string, endsAt: string): EasyDates {
  const start = DAY_AT.exec(startsAt);
  const from = start && spokenTime(start[2]);
  const endDay = DAY_AT.exec(endsAt);
  const to = spokenTime(endDay ? endDay[2] : endsAt);
  const asGiven = { day: null, hours: null, text: `${startsAt} – ${endsAt}` };
  if (!start || !from || !to) return asGiven;
  if (!endDay || endDay[1] === start[1]) return { day: start[1], hours: `De ${from} à ${to}`, text: asGiven.text };
  return { day: null, hours: null, text: `Du ${start[1]} à ${from} au ${endDay[1]} à ${to}` };
}

/** "lundi 1 mars 2027 à 12 h 00" → "lundi 1 mars 2027 à 12 heures"; anything else is kept as given. */
export function easyAt(at: string): string {
  const m = DAY_AT.exec(at);
  const time = m && spokenTime(m[2]);
  return m && time ? `${m[1]} à ${time}` : at;
}

function registerEasyHelpers(hbs: Hbs): void {
  const text = (value: unknown, what: string): string => {
    if (typeof value !== 'string') throw new Error(`Mail template: ${what} of a missing text`);
    return value;
  };
  hbs.registerHelper('at', (at: unknown) => easyAt(text(at, 'at')));
  hbs.registerHelper('dates', (startsAt: unknown, endsAt: unknown) => easyDates(text(startsAt, 'dates'), text(endsAt, 'dates')));
  // A workshop's "when" is "<start> – <end>" (src/notifications/delivery/mail-view.builder.ts).
  hbs.registerHelper('slot', (when: unknown) => {
    const given = text(when, 'slot');
    const [startsAt, endsAt, ...rest] = given.split(' – ');
    return endsAt === undefined || rest.length > 0 ? { day: null, hours: null, text: given } : easyDates(startsAt, endsAt);
  });
}

/** Text parts: LF line endings, no trailing spaces, at most one blank line in a row. */
function tidyText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

interface KindTemplates {
  subject: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
}

/** The templates of one wording: layouts, and subject, HTML and text for every kind. */
interface TemplateSet {
  htmlLayout: HandlebarsTemplateDelegate;
  textLayout: HandlebarsTemplateDelegate;
  kinds: Map<MailKind, KindTemplates>;
}

/** The easy-to-read (FALC) variant, inside the templates directory, with its own partials and layouts. */
export const EASY_READ_DIR = 'easy';

/**
 * The French mail templates of templates/mail, read and compiled once: `<kind>.subject.hbs`,
 * `<kind>.html.hbs`, `<kind>.text.hbs` for each kind, `layout.{html,text}.hbs` around them, and
 * partials named `_<name>.{html,text}.hbs`; the same again in easy/ for people who asked for
 * messages easy to read (`view.easyRead`), so that no kind ships without that variant.
 * Pure: the same view renders the same mail.
 */
export class MailTemplates {
  private readonly standard: TemplateSet;
  private readonly easy: TemplateSet;

  constructor(private readonly dir: string = DEFAULT_MAIL_TEMPLATES_DIR) {
    this.standard = this.load('');
    this.easy = this.load(`${EASY_READ_DIR}/`);
  }

  render(view: MailView): RenderedMail {
    const set = view.easyRead === true ? this.easy : this.standard;
    const templates = set.kinds.get(view.kind);
    if (!templates) throw new Error(`MailView: unknown kind ${JSON.stringify(view.kind)}`);
    const shown = prepare(view, 'view', 'view') as MailView;
    const subject = toSubjectLine(templates.subject(shown));
    const html = set.htmlLayout({ subject, view: shown, content: new Handlebars.SafeString(templates.html(shown)) });
    const text = tidyText(set.textLayout({ subject, view: shown, content: templates.text(shown) }));
    return { subject, html, text };
  }

  /** One wording, from `<dir>/<prefix>`: its own Handlebars environments, so partials do not mix. */
  private load(prefix: string): TemplateSet {
    const html: Hbs = Handlebars.create();
    const text: Hbs = Handlebars.create();
    for (const hbs of [html, text]) registerStrictHelpers(hbs);
    registerHtmlHelpers(html);
    registerTextHelpers(text);
    if (prefix !== '') for (const hbs of [html, text]) registerEasyHelpers(hbs);
    const folder = join(this.dir, prefix);
    for (const file of existsSync(folder) ? readdirSync(folder) : []) {
      const partial = /^_([\w-]+)\.(html|text)\.hbs$/.exec(file);
      if (!partial) continue;
      const hbs = partial[2] === 'html' ? html : text;
      hbs.registerPartial(partial[1], this.compile(hbs, `${prefix}${file}`, partial[2] === 'text', true));
    }
    const kinds = new Map<MailKind, KindTemplates>();
    for (const kind of MAIL_KINDS) {
      kinds.set(kind, {
        subject: this.compile(text, `${prefix}${kind}.subject.hbs`, true),
        html: this.compile(html, `${prefix}${kind}.html.hbs`, false),
        text: this.compile(text, `${prefix}${kind}.text.hbs`, true),
      });
    }
    return {
      htmlLayout: this.compile(html, `${prefix}layout.html.hbs`, false),
      textLayout: this.compile(text, `${prefix}layout.text.hbs`, true),
      kinds,
    };
  }

  /**
   * Handlebars compiles lazily, on first render; parsing here makes a broken template fail at
   * start-up rather than on someone's confirmation.
   */
  private compile(hbs: Hbs, file: string, noEscape: boolean, partial = false): HandlebarsTemplateDelegate {
    const path = join(this.dir, file);
    if (!existsSync(path)) throw new Error(`Mail template ${file} is missing: every kind needs it, in both wordings`);
    let source = readFileSync(path, 'utf8');
    // A one-line partial is used inside a line ("Où : {{> venue}}"): its file's final newline is not part of it.
    if (partial && !source.trimEnd().includes('\n')) source = source.trimEnd();
    try {
      hbs.parse(source);
    } catch (error) {
      throw new Error(`Mail template ${file}: ${(error as Error).message}`);
    }
    const template = hbs.compile(source, { strict: true, noEscape });
    // Handlebars' errors give a line, not a file: name it ("reminder.html.hbs › _event.html.hbs: …").
    return (context, options) => {
      try {
        return template(context, options);
      } catch (error) {
        if (error instanceof Error) error.message = `${file} › ${error.message}`;
        throw error;
      }
    };
  }
}
