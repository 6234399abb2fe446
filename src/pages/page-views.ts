import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Handlebars from 'handlebars';

/** templates/pages at the repository root: the nearest ancestor that has it (src/pages under Jest, dist/pages once built). */
function findViewsDir(from: string): string {
  for (let dir = from, i = 0; i < 8; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'templates', 'pages');
    if (existsSync(candidate)) return candidate;
  }
  return join(from, '..', '..', 'templates', 'pages');
}

export const DEFAULT_PAGE_VIEWS_DIR = findViewsDir(__dirname);

/** What every page tells the layout: where one is (title, breadcrumb) and who runs the site. */
export interface PageFrame {
  /** The page's own title: the document title reads "<title> — Rencontres". */
  title: string;
  /** Breadcrumb trail above the current page (the current page is added last, without a link). */
  breadcrumb?: Array<{ label: string; href: string }>;
  /** Omit the breadcrumb (the home page). */
  home?: boolean;
  /** The form was sent back with errors: the document title starts with "Erreur". */
  invalid?: boolean;
  /** A back-office page (/gestion): its own header, with who is signed in and the sign-out form. */
  backoffice?: { organiser: { email: string; name: string | null }; csrf: string; section?: string };
  /** The page's own scripts (same-origin files, loaded deferred after the DSFR's: the CSP forbids inline scripts). */
  scripts?: string[];
}

export interface SiteFrame {
  operatorName: string;
  operatorLines: string[];
  siteName: string;
}

/**
 * The page views, compiled once at start: a broken template stops the boot, not a request.
 * Handlebars escapes every value; no view is given raw HTML.
 */
export class PageViews {
  private readonly hbs = Handlebars.create();
  private readonly views = new Map<string, Handlebars.TemplateDelegate>();
  private readonly layout: Handlebars.TemplateDelegate;

  constructor(
    private readonly site: SiteFrame,
    dir: string = DEFAULT_PAGE_VIEWS_DIR,
  ) {
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    const partials = join(dir, 'partials');
    for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
      this.hbs.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
    }
    // Views of a folder are named after it: templates/pages/gestion/events.hbs is 'gestion/events'.
    for (const sub of [
      '',
      ...readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !['partials', 'assets'].includes(d.name))
        .map((d) => d.name),
    ]) {
      for (const file of readdirSync(join(dir, sub)).filter((f) => f.endsWith('.hbs'))) {
        const compiled = this.hbs.compile(readFileSync(join(dir, sub, file), 'utf8'), { strict: false, noEscape: false });
        // Compile now (Handlebars compiles lazily): syntax errors surface at boot.
        compiled({});
        this.views.set(sub ? `${sub}/${basename(file, '.hbs')}` : basename(file, '.hbs'), compiled);
      }
    }
    this.layout = this.views.get('layout')!;
    if (!this.layout) throw new Error(`No layout.hbs in ${dir}`);
  }

  has(view: string): boolean {
    return this.views.has(view);
  }

  render(view: string, frame: PageFrame, model: object = {}): string {
    const template = this.views.get(view);
    if (!template) throw new Error(`Unknown page view: ${view}`);
    const context = { ...model, site: this.site, frame };
    const body = template(context);
    return this.layout({ ...context, body: new Handlebars.SafeString(body), documentTitle: `${frame.invalid ? 'Erreur — ' : ''}${frame.title} — ${this.site.siteName}` });
  }
}
