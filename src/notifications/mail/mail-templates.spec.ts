import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DEFAULT_MAIL_TEMPLATES_DIR, MAIL_KINDS, MailTemplates, SUBJECT_MAX_LENGTH, defuseLinks, toSubjectLine } from './mail-templates';
import { MAIL_SAMPLES } from './mail-samples';
import type { MailKind, MailView } from './mail-view';

const N = '\u202f'; // narrow no-break space, as French typography puts before ; : ! ? and inside « »
const Z = '\u200b';
const templates = new MailTemplates();

/** What a reader sees of the HTML: inline tags dropped, block tags as spaces, entities decoded. */
function visible(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x3D': '=', '#x60': '`' };
  return html
    .replace(/<\/?(?:strong|span|a)\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#?\w+);/g, (all, name: string) => entities[name] ?? all)
    .replace(/[ \t\n]+/g, ' ');
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

/** A sample changed at one path, typed loosely on purpose (tests feed what a bug upstream could). */
function changed<K extends MailKind>(kind: K, edit: (view: Record<string, any>) => void): MailView {
  const view = structuredClone(MAIL_SAMPLES[kind]) as Record<string, any>;
  edit(view);
  return view as MailView;
}

describe('defuseLinks', () => {
  it.each([
    ['http://evil.example/x', `http://${Z}evil${Z}.example/x`],
    ['Cliquez HTTPS://Evil.Example', `Cliquez HTTPS://${Z}Evil${Z}.Example`],
    ['voir www.evil.fr svp', `voir www${Z}.evil${Z}.fr svp`],
    ['evil.example', `evil${Z}.example`],
    ['écrire à bob@evil.example.', `écrire à bob@evil${Z}.example${Z}.`],
    ['evil。example', `evil${Z}。example`],
  ])('breaks %j', (input, output) => {
    expect(defuseLinks(input)).toBe(output);
  });

  it('leaves ordinary French text alone', () => {
    const text = `M. Dupont d'Artagnan, l’accès aux droits. Fin. 3.5 % – jeudi 11 mars 2027 à 9 h 00${N}! 🎉 Atelier : santé`;
    expect(defuseLinks(text)).toBe(text);
  });

  it('only inserts zero-width spaces, is idempotent, and leaves nothing a linkifier would take', () => {
    const unit = fc.constantFrom('a', 'é', 'w', 'h', 't', 'p', 's', 'f', 'r', '.', '/', ':', '@', '-', ' ', '。');
    const linkish = /[a-z][a-z0-9+.-]*:\/\/[^\s\u200b]|(?:^|[^\p{L}\p{N}])www\.|[\p{L}\p{N}_-][.。]\p{L}{2}/iu;
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (input) => {
        const output = defuseLinks(input);
        expect(output.replaceAll(Z, '')).toBe(input);
        expect(defuseLinks(output)).toBe(output);
        expect(output).not.toMatch(linkish);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('toSubjectLine', () => {
  it('makes one trimmed line of CR, LF, tabs and other controls', () => {
    expect(toSubjectLine(' Rappel\r\nBcc: x@evil.example\tfin\u0000\u2028 ')).toBe('Rappel Bcc: x@evil.example fin');
  });

  it('cuts at SUBJECT_MAX_LENGTH characters with an ellipsis, never inside an emoji', () => {
    const cut = Array.from(new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(toSubjectLine('👩‍👩‍👧'.repeat(300))));
    expect(cut).toHaveLength(SUBJECT_MAX_LENGTH);
    expect(cut.slice(0, -1).every((g) => g.segment === '👩‍👩‍👧')).toBe(true);
    expect(cut.at(-1)?.segment).toBe('…');
    expect(toSubjectLine('x'.repeat(SUBJECT_MAX_LENGTH))).toBe('x'.repeat(SUBJECT_MAX_LENGTH));
  });
});

const EXPECTED: Record<MailKind, string[]> = {
  confirmation: [
    'Votre inscription est confirmée.',
    'Atelier : l’accès aux droits en milieu rural',
    'jeudi 11 mars 2027 à 14 h 00 – 15 h 30, Salle Joffre 1',
    'Place confirmée.',
    `Liste d’attente${N}: vous êtes n°${N}3.`,
    'Votre badge est joint à ce message.',
    'Votre programme personnel est joint aussi',
    'Vous avez besoin d’un aménagement pour participer',
  ],
  allocation: [
    'Les places dans les ateliers ont été attribuées selon les préférences de chacun.',
    'Atelier : l’accès aux droits en milieu rural',
    'Place confirmée.',
    'Votre programme personnel est joint aussi',
  ],
  waitlisted: ['L’événement est complet', 'inscrit·e sur la liste d’attente', `Vous êtes n°${N}4 sur la liste d’attente.`, 'Vous n’avez rien à faire.'],
  promoted: ['Bonne nouvelle', 'Une place s’est libérée.', 'Votre inscription est maintenant confirmée.', 'en ligne'],
  workshop_promoted: [
    `Une place s’est libérée pour «${N}Atelier : une aide alimentaire digne et durable${N}».`,
    `Quand${N}: jeudi 11 mars 2027 à 16 h 00 – 17 h 00`,
    `Où${N}: Salle Einstein`,
  ],
  cancellation: ['Nous avons bien enregistré l’annulation de votre inscription.', 'Vous pouvez vous inscrire à nouveau tant que les inscriptions sont ouvertes.'],
  reminder: [`C’est demain${N}!`, 'Pour participer, utilisez ce lien le moment venu'],
  session_changed: [
    `Avant${N}: jeudi 11 mars 2027 à 14 h 00 – 15 h 30, Salle Joffre 1`,
    `Maintenant${N}: jeudi 11 mars 2027 à 15 h 45 – 17 h 15, Salle Rondelet`,
    'Votre programme personnel à jour est joint à ce message.',
  ],
  event_cancelled: [
    `L’événement «${N}Journée d’étude : la participation des personnes concernées${N}» est annulé.`,
    'La salle n’est plus disponible à cette date.',
    'Vous n’avez rien à faire.',
  ],
  broadcast: ['Rencontre du 11 mars : le programme des ateliers est en ligne', 'Le programme détaillé des onze groupes de travail est prêt.'],
  manage_link: ['Voici votre lien personnel, comme vous l’avez demandé', `Vous n’avez rien demandé${N}? Ignorez ce message`],
};

describe('MailTemplates.render, on every sample', () => {
  it('has a sample and expectations for every kind', () => {
    expect(Object.keys(MAIL_SAMPLES).sort()).toEqual([...MAIL_KINDS].sort());
  });

  it.each(MAIL_KINDS)('%s', (kind) => {
    const view = MAIL_SAMPLES[kind];
    const { subject, html, text } = templates.render(view);
    expect(subject.length).toBeGreaterThan(10);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(text).not.toMatch(/\r|<\/?(p|br|a|strong)\b/);
    for (const part of [visible(html), text]) {
      expect(part).toContain(`Bonjour ${view.firstName},`);
      expect(part).toContain(view.event.title);
      expect(part).toContain(`${view.event.startsAt} – ${view.event.endsAt}`);
      expect(part).toContain(`Pour voir, modifier ou annuler votre inscription${N}:`);
      expect(part).toContain(`Ce lien est personnel${N}: ne le transférez pas.`);
      expect(part).toContain(`Écrivez-nous à ${view.contactEmail}.`);
      expect(part).toContain('L’équipe d’organisation');
      for (const phrase of EXPECTED[kind]) expect(part).toContain(phrase);
    }
    expect(text).toContain(`\n${view.manageUrl}\n`);
    expect(hrefs(html)).toContain(view.manageUrl);
    const online = 'onlineUrl' in view ? view.onlineUrl : null;
    expect(hrefs(html).every((href) => href === view.manageUrl || href === online)).toBe(true);
    if (online) {
      expect(hrefs(html)).toContain(online);
      expect(text).toContain(online);
    }
    if (!online && view.event.venue) {
      for (const part of [visible(html), text]) expect(part).toContain(view.event.venue.name);
      expect(text).toContain(`${view.event.venue.postalCode} ${view.event.venue.city}`);
    }
  });

  it('gives the subjects people will see', () => {
    const subjects = Object.fromEntries(MAIL_KINDS.map((kind) => [kind, templates.render(MAIL_SAMPLES[kind]).subject]));
    expect(subjects.confirmation).toBe(`Inscription confirmée${N}: Rencontre régionale de la stratégie de lutte contre la pauvreté`);
    expect(subjects.reminder).toBe(`Rappel${N}: Rencontre régionale de la stratégie de lutte contre la pauvreté, c’est demain`);
    expect(subjects.session_changed).toBe(`Nouvel horaire ou nouvelle salle${N}: «${N}Atelier : l’accès aux droits en milieu rural${N}»`);
    expect(subjects.broadcast).toBe('Rencontre du 11 mars : le programme des ateliers est en ligne');
  });

  it('says when workshops allocated by preference will be given, only then', () => {
    const at = 'lundi 1 mars 2027 à 12 h 00';
    const withDate = templates.render({ ...MAIL_SAMPLES.confirmation, allocationOn: at });
    expect(withDate.text).toContain(`Les ateliers sont attribués selon vos préférences le ${at}.`);
    const easy = templates.render({ ...MAIL_SAMPLES.confirmation, allocationOn: at, easyRead: true });
    expect(easy.text).toContain('Le lundi 1 mars 2027 à 12 heures, nous donnons les places dans les ateliers.');
    expect(easy.html).toContain('Le <strong>lundi 1 mars 2027 à 12 heures</strong>, nous donnons les places');
    expect(templates.render(MAIL_SAMPLES.confirmation).text).not.toContain('préférences');
  });

  it('is pure: the same view renders the same mail', () => {
    expect(templates.render(MAIL_SAMPLES.confirmation)).toEqual(new MailTemplates(DEFAULT_MAIL_TEMPLATES_DIR).render(MAIL_SAMPLES.confirmation));
  });
});

describe('MailTemplates.render, variants', () => {
  const render = (view: MailView) => {
    const mail = templates.render(view);
    return { ...mail, shown: visible(mail.html) };
  };

  it('words a cancellation by the organisers', () => {
    const { shown, text } = render(changed('cancellation', (v) => (v.byOrganiser = true)));
    for (const part of [shown, text]) {
      expect(part).toContain('Votre inscription a été annulée par l’équipe d’organisation.');
      expect(part).not.toContain('Nous avons bien enregistré');
    }
  });

  it('words a session removed from the programme', () => {
    const { subject, shown, text } = render(changed('session_changed', (v) => (v.session.now = null)));
    expect(subject).toBe(`Retiré du programme${N}: «${N}Atelier : l’accès aux droits en milieu rural${N}»`);
    for (const part of [shown, text]) {
      expect(part).toContain('est retirée du programme.');
      expect(part).toContain(`Elle était prévue${N}: jeudi 11 mars 2027 à 14 h 00 – 15 h 30, Salle Joffre 1.`);
      expect(part).toContain('choisir un autre atelier');
      expect(part).not.toContain('Maintenant');
    }
  });

  it('reminds onsite attendees of their badge, and says when the online link is still to come', () => {
    const onsite = render(changed('reminder', (v) => Object.assign(v, { attendanceMode: 'onsite', onlineUrl: null, hasBadge: true, dueIn: 'dans 7 jours' })));
    expect(onsite.text).toContain(`C’est dans 7 jours${N}!`);
    expect(onsite.text).toContain('N’oubliez pas votre badge');
    expect(onsite.text).toContain('Le Corum, Esplanade Charles-de-Gaulle, 34000 Montpellier');
    expect(hrefs(onsite.html)).toEqual([MAIL_SAMPLES.reminder.manageUrl]);
    const noLink = render(changed('reminder', (v) => (v.onlineUrl = null)));
    expect(noLink.text).toContain('Le lien pour vous connecter vous sera envoyé avant le début.');
    expect(noLink.text).not.toContain('badge');
  });

  it('says "en ligne" for an online event, and when the venue is not known yet', () => {
    const online = render(changed('manage_link', (v) => Object.assign(v.event, { format: 'online', venue: null })));
    expect(online.text).toContain(`Où${N}: en ligne\n`);
    expect(online.text).not.toContain('Corum');
    const unknown = render(changed('cancellation', (v) => Object.assign(v.event, { format: 'onsite', venue: null })));
    expect(unknown.text).toContain(`Où${N}: le lieu vous sera précisé bientôt\n`);
  });

  it('leaves out what is not there: no reason, no badge, no room', () => {
    expect(render(changed('event_cancelled', (v) => (v.reason = null))).text).not.toContain('Pourquoi');
    expect(render(changed('confirmation', (v) => (v.hasBadge = false))).text).not.toContain('badge');
    expect(render(changed('workshop_promoted', (v) => (v.workshop.room = null))).text).not.toContain('Salle Einstein');
  });
});

describe('MailTemplates.render, strictly', () => {
  it.each<[string, MailView, RegExp]>([
    ['firstName', changed('confirmation', (v) => delete v.firstName), /^layout\.html\.hbs › "firstName" not defined/],
    ['an explicitly undefined firstName', changed('confirmation', (v) => (v.firstName = undefined)), /view\.firstName is undefined/],
    ['position', changed('waitlisted', (v) => delete v.position), /^waitlisted\.html\.hbs › "position" not defined/],
    ['hasBadge (read by #if)', changed('confirmation', (v) => delete v.hasBadge), /_practical\.html\.hbs › Mail template: #if on a missing value/],
    ['a workshop status (read by eq)', changed('confirmation', (v) => delete v.workshops[0].status), /eq on a missing value/],
    ['workshops (read by #each)', changed('waitlisted', (v) => delete v.workshops), /waitlisted\.html\.hbs/],
    ['event.venue', changed('cancellation', (v) => delete v.event.venue), /_venue\.html\.hbs › Mail template: #if on a missing value/],
    ['session.now', changed('session_changed', (v) => delete v.session.now), /session_changed\.subject\.hbs/],
    ['the broadcast subject', changed('broadcast', (v) => delete v.subject), /"subject" not defined/],
    ['manageUrl', changed('manage_link', (v) => delete v.manageUrl), /Mail link: expected a URL/],
  ])('throws when %s is missing', (_, view, error) => {
    expect(() => templates.render(view)).toThrow(error);
  });

  it('throws on an unknown kind, and links nothing but http(s)', () => {
    expect(() => templates.render(changed('manage_link', (v) => (v.kind = 'newsletter')))).toThrow(/unknown kind/);
    expect(() => templates.render(changed('promoted', (v) => (v.onlineUrl = 'javascript:alert(1)')))).toThrow(/only http\(s\)/);
    expect(() => templates.render(changed('manage_link', (v) => (v.manageUrl = 'data:text/html,x')))).toThrow(/only http\(s\)/);
  });

  it('fails at construction on a broken template, naming it, from the directory it is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mail-templates-'));
    try {
      cpSync(DEFAULT_MAIL_TEMPLATES_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'reminder.text.hbs'), 'C’est {{#if dueIn}}bientôt');
      expect(() => new MailTemplates(dir)).toThrow(/reminder\.text\.hbs/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('MailTemplates.render, hostile input', () => {
  const longName = 'Marie-Éléonore'.padEnd(100, 'x');
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['{{firstName}}', '{{firstName}}', '{{firstName}}'],
    [longName, longName, longName],
    ['Zoé 🎉', 'Zoé 🎉', 'Zoé 🎉'],
    ["d'Artagnan", 'd&#x27;Artagnan', "d'Artagnan"],
    ['http://evil.example/x', `http://${Z}evil${Z}.example/x`, `http://${Z}evil${Z}.example/x`],
    ['Cliquez www.evil.example', `Cliquez www${Z}.evil${Z}.example`, `Cliquez www${Z}.evil${Z}.example`],
  ])('prints the first name %j as text, never as markup or a link', (firstName, inHtml, inText) => {
    for (const kind of MAIL_KINDS) {
      const view = changed(kind, (v) => (v.firstName = firstName));
      const { html, text } = templates.render(view);
      expect(html).toContain(`Bonjour ${inHtml},`);
      expect(text).toContain(`Bonjour ${inText},`);
      expect(html).not.toContain('<script');
      expect(html).not.toMatch(/evil\.example|www\.evil/);
      expect(text).not.toMatch(/evil\.example|www\.evil/);
      const online = 'onlineUrl' in view ? view.onlineUrl : null;
      expect(hrefs(html).every((href) => href === view.manageUrl || href === online)).toBe(true);
    }
  });

  it('defuses and escapes every other text too: titles, rooms, the broadcast', () => {
    const view = changed('broadcast', (v) => {
      v.event.title = '<b>Rencontre</b> sur evil.example';
      v.event.venue.name = 'Salle "A" & www.evil.example';
      v.subject = '<img src=x onerror=alert(1)>Important\r\nBcc: victim@example.org';
      v.body = 'Premier paragraphe,\r\nsur deux lignes : <i>evil.example</i>\r\n\r\n\r\nSecond {{paragraphe}}\rhttps://evil.example/?a=1';
    });
    const { subject, html, text } = templates.render(view);
    expect(subject).toBe(`<img src=x onerror=alert(1)>Important Bcc: victim@example${Z}.org`);
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;Important Bcc');
    expect(html).not.toContain('<img');
    expect(html).toContain(`&lt;b&gt;Rencontre&lt;/b&gt; sur evil${Z}.example`);
    expect(html).toContain(`Salle &quot;A&quot; &amp; www${Z}.evil${Z}.example`);
    expect(html).toContain(`<p style="margin:0 0 16px;">Premier paragraphe,<br>\nsur deux lignes : &lt;i&gt;evil${Z}.example&lt;/i&gt;</p>`);
    expect(html).toContain(`Second {{paragraphe}}<br>\nhttps://${Z}evil${Z}.example/?a&#x3D;1</p>`);
    expect(hrefs(html)).toEqual([view.manageUrl]);
    expect(text).toContain(`Premier paragraphe,\nsur deux lignes : <i>evil${Z}.example</i>\n\nSecond {{paragraphe}}\nhttps://${Z}evil`);
    expect(`${subject}${html}${text}`).not.toMatch(/\r|evil\.example|Important\n/);
  });

  // Every text a person or an organiser typed, in every kind, wrapped in markup.
  const NOT_TEXT = new Set(['kind', 'format', 'status', 'attendanceMode', 'manageUrl', 'onlineUrl', 'contactEmail']);
  const marked = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return NOT_TEXT.has(key) ? value : `<i>${value}</i>`;
    if (Array.isArray(value)) return value.map((item) => marked(item, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, marked(v, k)]));
    return value;
  };

  it.each(MAIL_KINDS)('escapes every typed text of %s in HTML, and keeps it as typed in the text part', (kind) => {
    const { html, text } = templates.render(marked(MAIL_SAMPLES[kind]) as MailView);
    expect(html).not.toMatch(/<\/?i>/);
    expect(html).toContain(`&lt;i&gt;${MAIL_SAMPLES[kind].firstName}&lt;/i&gt;`);
    expect(text).toContain(`<i>${MAIL_SAMPLES[kind].event.title}</i>`);
  });

  it('keeps the subject one line, even from a title with line breaks, and cuts a long one', () => {
    const { subject } = templates.render(changed('confirmation', (v) => (v.event.title = `Rencontre\r\nrégionale\t${'très '.repeat(80)}`)));
    expect(subject).not.toMatch(/[\r\n\t]/);
    expect(subject.startsWith(`Inscription confirmée${N}: Rencontre régionale très très`)).toBe(true);
    expect(subject.endsWith('…')).toBe(true);
    expect(Array.from(subject).length).toBeLessThanOrEqual(SUBJECT_MAX_LENGTH);
    expect(Array.from(subject).length).toBeGreaterThan(SUBJECT_MAX_LENGTH - 6);
  });
});

describe('the template files', () => {
  const files = readdirSync(DEFAULT_MAIL_TEMPLATES_DIR).filter((f) => f.endsWith('.hbs'));

  it('exist for every kind', () => {
    for (const kind of MAIL_KINDS) for (const part of ['subject', 'html', 'text']) expect(files).toContain(`${kind}.${part}.hbs`);
  });

  it.each(files)('%s follows French typography', (file) => {
    const words = readFileSync(join(DEFAULT_MAIL_TEMPLATES_DIR, file), 'utf8')
      .replace(/\{\{\{?[^}]*\}?\}\}/g, '')
      .replace(/<[^>]*>/g, '');
    expect(words).not.toContain("'");
    expect(words).not.toMatch(/[^\u202f][;:!?»]|«[^\u202f]/);
  });
});
