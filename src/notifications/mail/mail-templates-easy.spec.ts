import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAIL_TEMPLATES_DIR, EASY_READ_DIR, MAIL_KINDS, MailTemplates, easyDates, spokenTime } from './mail-templates';
import { MAIL_SAMPLES, MAIL_SAMPLES_EASY } from './mail-samples';
import type { MailKind, MailView, RenderedMail } from './mail-view';

// The easy-to-read (FALC) variant of every message: templates/mail/easy/, chosen by view.easyRead.

const N = '\u202f'; // narrow no-break space, as French typography puts before ; : ! ? and inside « »
const Z = '\u200b';
const EASY_DIR = join(DEFAULT_MAIL_TEMPLATES_DIR, EASY_READ_DIR);
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

/** An easy sample changed at one path, typed loosely on purpose (tests feed what a bug upstream could). */
function changed<K extends MailKind>(kind: K, edit: (view: Record<string, any>) => void): MailView {
  const view = structuredClone(MAIL_SAMPLES_EASY[kind]) as Record<string, any>;
  edit(view);
  return view as MailView;
}

/** "Short sentences, one idea per line": a line of the text part longer than this is a fault. */
const MAX_WORDS_PER_LINE = 20;
/** Abbreviations and signs easy-to-read French avoids (the inclusive "·e" too). */
const FORBIDDEN: [string, RegExp][] = [
  ['J-1, J-7…', /\bJ-\d+\b/],
  ['n°', /n°/i],
  ['RDV', /\brdv\b/i],
  ['etc.', /\betc\b/i],
  ['a percentage', /%|\bpour ?cent\b/i],
  ['a Roman numeral', /\b(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XX)\b/],
  ['an inclusive dot', /\p{L}·\p{L}/u],
  ['"9 h 00" instead of "9 heures"', /\b\d{1,2} h \d{2}\b/],
];

/** What makes a message hard to read, in words; [] when there is nothing. */
function faults(mail: RenderedMail): string[] {
  const found: string[] = [];
  for (const line of mail.text.split('\n')) {
    const words = line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length > MAX_WORDS_PER_LINE) found.push(`${words.length} words: ${line}`);
  }
  for (const [name, pattern] of FORBIDDEN) {
    for (const [part, content] of [
      ['subject', mail.subject],
      ['html', visible(mail.html)],
      ['text', mail.text],
    ]) {
      if (pattern.test(content)) found.push(`${name} in the ${part}`);
    }
  }
  return found;
}

/** The organisers' own words are shown as they typed them: the check is on ours. */
function withoutOrganiserText(view: MailView, mail: RenderedMail): RenderedMail {
  if (view.kind !== 'broadcast') return mail;
  const cut = (part: string) => part.replace(view.body, '').replace(view.subject, '');
  return { subject: '', html: cut(mail.html.replace(/<p style="margin:0 0 16px;">[\s\S]*?<\/p>/g, '')), text: cut(mail.text) };
}

describe('faults, the readability check', () => {
  it('finds a long line, an abbreviation and a clock time, so that the checks below can fail', () => {
    const long = Array.from({ length: 21 }, (_, i) => `mot${i}`).join(' ');
    const mail = { subject: 'RDV à J-1', html: '<p>Vous êtes n° 3, etc.</p>', text: `${long}\nÀ 9 h 00, 50 % des places.\n` };
    expect(faults(mail)).toEqual([
      `21 words: ${long}`,
      'J-1, J-7… in the subject',
      'n° in the html',
      'RDV in the subject',
      'etc. in the html',
      'a percentage in the text',
      '"9 h 00" instead of "9 heures" in the text',
    ]);
    expect(faults({ subject: 'Votre inscription est confirmée', html: '<p>Le jeudi 11 mars 2027</p>', text: 'De 9 heures à 17 heures\n' })).toEqual([]);
  });
});

describe('spokenTime and easyDates', () => {
  it.each([
    ['9 h 00', '9 heures'],
    ['14 h 30', '14 heures 30'],
    ['1 h 00', '1 heure'],
    ['0 h 05', '0 heure 05'],
    ['9h00', null],
    ['25 h 00', null],
    ['9 heures', null],
  ])('says %j as %j', (time, spoken) => {
    expect(spokenTime(time)).toBe(spoken);
  });

  it('puts the day on one line and the hours on the next, within a day', () => {
    expect(easyDates('jeudi 11 mars 2027 à 9 h 00', '17 h 00')).toEqual({
      day: 'jeudi 11 mars 2027',
      hours: 'De 9 heures à 17 heures',
      text: 'jeudi 11 mars 2027 à 9 h 00 – 17 h 00',
    });
    expect(easyDates('lundi 1er mars 2027 à 14 h 30', 'lundi 1er mars 2027 à 16 h 00').hours).toBe('De 14 heures 30 à 16 heures');
  });

  it('words a span over several days on one line, and keeps anything else as given', () => {
    expect(easyDates('jeudi 11 mars 2027 à 9 h 00', 'vendredi 12 mars 2027 à 17 h 00')).toEqual({
      day: null,
      hours: null,
      text: 'Du jeudi 11 mars 2027 à 9 heures au vendredi 12 mars 2027 à 17 heures',
    });
    expect(easyDates('le matin', '17 h 00')).toEqual({ day: null, hours: null, text: 'le matin – 17 h 00' });
    expect(easyDates('jeudi 11 mars 2027 à 9 h 00', 'le soir')).toEqual({ day: null, hours: null, text: 'jeudi 11 mars 2027 à 9 h 00 – le soir' });
  });
});

const EXPECTED_SUBJECTS: Record<MailKind, string> = {
  confirmation: `Votre inscription est confirmée${N}: Rencontre régionale de la stratégie de lutte contre la pauvreté`,
  allocation: `Vos ateliers pour${N}: Rencontre régionale de la stratégie de lutte contre la pauvreté`,
  waitlisted: `Vous êtes sur la liste d’attente${N}: Rencontre régionale de la stratégie de lutte contre la pauvreté`,
  promoted: `Bonne nouvelle, vous avez une place${N}: Rencontre régionale de la stratégie de lutte contre la pauvreté`,
  workshop_promoted: `Bonne nouvelle, vous avez une place dans l’atelier${N}: «${N}Atelier : une aide alimentaire digne et durable${N}»`,
  cancellation: `Votre inscription est annulée${N}: Rencontre régionale de la stratégie de lutte contre la pauvreté`,
  reminder: `C’est demain${N}: Rencontre régionale de la stratégie de lutte contre la pauvreté`,
  session_changed: `Votre atelier change d’heure ou de salle${N}: «${N}Atelier : l’accès aux droits en milieu rural${N}»`,
  event_cancelled: `La rencontre est annulée${N}: Journée d’étude : la participation des personnes concernées`,
  broadcast: 'Rencontre du 11 mars : le programme des ateliers est en ligne',
  manage_link: `Votre lien personnel${N}: Rencontre régionale de la stratégie de lutte contre la pauvreté`,
};

// The first thing said, then what the person reads next; each on its own line in the text part.
const EXPECTED: Record<MailKind, string[]> = {
  confirmation: [
    'Votre inscription est confirmée.',
    'Le jeudi 11 mars 2027\nDe 9 heures à 17 heures',
    'Le Corum\nEsplanade Charles-de-Gaulle\n34000 Montpellier',
    `Atelier : l’accès aux droits en milieu rural\nLe jeudi 11 mars 2027\nDe 14 heures à 15 heures 30\nLieu${N}: Salle Joffre 1`,
    'Vous avez une place dans cet atelier.',
    'Vous êtes numéro 3 sur la liste.',
    'Votre badge est en pièce jointe.',
    'Votre programme est aussi en pièce jointe.',
    `Vous avez besoin d’aide pour participer${N}?`,
  ],
  allocation: [
    'Vos ateliers sont choisis.\nVous avez classé les ateliers.\nNous avons donné les places.',
    'Atelier : l’accès aux droits en milieu rural',
    'Vous avez une place dans cet atelier.',
  ],
  waitlisted: [`Il n’y a plus de place pour le moment.\nVous êtes sur la liste d’attente pour${N}:`, 'Vous êtes numéro 4 sur la liste d’attente.', 'Vous n’avez rien à faire.'],
  promoted: [
    `Bonne nouvelle${N}!\nUne place s’est libérée pour vous.`,
    'Votre inscription est confirmée.',
    'Sur internet.\nVous participez avec votre ordinateur ou votre téléphone.',
  ],
  workshop_promoted: [
    `Une place s’est libérée dans l’atelier${N}:\n«${N}Atelier : une aide alimentaire digne et durable${N}»`,
    `Quand${N}?\nLe jeudi 11 mars 2027\nDe 16 heures à 17 heures`,
    `Où${N}?\nSalle Einstein`,
  ],
  cancellation: ['Vous avez annulé votre inscription.', 'Vous pouvez vous inscrire à nouveau si les inscriptions sont encore ouvertes.'],
  reminder: [`C’est demain${N}!`, 'Le jour de la rencontre, ', `Vous ne pouvez plus venir${N}?`, 'Votre programme est en pièce jointe.'],
  session_changed: [
    `Avant${N}:\nLe jeudi 11 mars 2027\nDe 14 heures à 15 heures 30\nLieu${N}: Salle Joffre 1`,
    `Maintenant${N}:\nLe jeudi 11 mars 2027\nDe 15 heures 45 à 17 heures 15\nLieu${N}: Salle Rondelet`,
    'Vous gardez votre place.',
    'Votre programme à jour est en pièce jointe.',
  ],
  event_cancelled: [
    'La rencontre est annulée.\nElle n’aura pas lieu.',
    `Pourquoi${N}?\nLa salle n’est plus disponible à cette date.`,
    'Vous n’avez rien à faire.',
    'Le mardi 18 mai 2027\nDe 9 heures 30 à 16 heures 30',
    'Hôtel de Région\n201 avenue de la Pompignane\n34064 Montpellier',
  ],
  broadcast: [
    'Voici un message de l’équipe d’organisation.',
    'Rencontre du 11 mars : le programme des ateliers est en ligne',
    'Le programme détaillé des onze groupes de travail est prêt.',
  ],
  manage_link: ['Voici votre lien personnel.', `Vous n’avez rien demandé${N}?\nNe faites rien.`],
};

describe('MailTemplates.render, easy to read, on every sample', () => {
  it('has an easy-to-read sample for every kind, the standard one with easyRead', () => {
    expect(Object.keys(MAIL_SAMPLES_EASY).sort()).toEqual([...MAIL_KINDS].sort());
    for (const kind of MAIL_KINDS) expect(MAIL_SAMPLES_EASY[kind]).toEqual({ ...MAIL_SAMPLES[kind], easyRead: true });
  });

  it.each(MAIL_KINDS)('%s', (kind) => {
    const view = MAIL_SAMPLES_EASY[kind];
    const mail = templates.render(view);
    const { subject, html, text } = mail;
    expect(subject).toBe(EXPECTED_SUBJECTS[kind]);
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('font-size:20px;line-height:1.8;');
    expect(text).not.toMatch(/\r|<\/?(p|br|a|strong|li)\b/);
    expect(text.startsWith(`Bonjour ${view.firstName},\n\n`)).toBe(true);
    expect(text).toContain(`«${N}${view.event.title}${N}»\n`);
    for (const phrase of EXPECTED[kind]) expect(text).toContain(phrase);
    const shown = visible(html);
    expect(shown).toContain(`Bonjour ${view.firstName},`);
    expect(shown).toContain(view.event.title);
    for (const phrase of EXPECTED[kind]) expect(shown).toContain(phrase.replaceAll('\n', ' '));
    // The manage link: a labelled button in HTML, the label then the link on its own line in text.
    expect(text).toContain(`Voir ou changer mon inscription${N}:\n${view.manageUrl}\n`);
    expect(html).toMatch(new RegExp(`<a href="${view.manageUrl.replace(/[.?#]/g, '\\$&')}" style="display:inline-block;[^"]*">Voir ou changer mon inscription</a>`));
    const online = 'onlineUrl' in view ? view.onlineUrl : null;
    expect(hrefs(html).every((href) => href === view.manageUrl || href === online)).toBe(true);
    if (online) {
      expect(text).toContain(`${N}:\n${online}\n`);
      expect(html).toContain(`<a href="${online}" style="display:inline-block;`);
    }
    expect(faults(withoutOrganiserText(view, mail))).toEqual([]);
  });

  it('differs from the standard wording, which stays when easyRead is absent or false', () => {
    for (const kind of MAIL_KINDS) {
      const standard = templates.render(MAIL_SAMPLES[kind]);
      expect(templates.render({ ...MAIL_SAMPLES[kind], easyRead: false })).toEqual(standard);
      expect(templates.render(MAIL_SAMPLES_EASY[kind]).text).not.toBe(standard.text);
      expect(standard.text).not.toContain('Voir ou changer mon inscription');
    }
  });
});

describe('MailTemplates.render, easy to read, variants', () => {
  const render = (view: MailView) => {
    const mail = templates.render(view);
    expect(faults(mail)).toEqual([]);
    return { ...mail, shown: visible(mail.html) };
  };

  it('words a cancellation by the organisers', () => {
    const { text, shown } = render(changed('cancellation', (v) => (v.byOrganiser = true)));
    for (const part of [text, shown]) {
      expect(part).toContain('C’est l’équipe d’organisation qui l’a annulée.');
      expect(part).not.toContain('Vous avez annulé');
    }
  });

  it('words a session removed from the programme', () => {
    const { subject, text } = render(changed('session_changed', (v) => (v.session.now = null)));
    expect(subject).toBe(`Un atelier est supprimé${N}: «${N}Atelier : l’accès aux droits en milieu rural${N}»`);
    expect(text).toContain(`Il n’aura pas lieu.\n\nIl était prévu${N}:\nLe jeudi 11 mars 2027\nDe 14 heures à 15 heures 30\nLieu${N}: Salle Joffre 1\n`);
    expect(text).not.toContain('Maintenant');
  });

  it('reminds onsite attendees of their badge, and says when the online link is still to come', () => {
    const onsite = render(changed('reminder', (v) => Object.assign(v, { attendanceMode: 'onsite', onlineUrl: null, hasBadge: true, dueIn: 'dans 7 jours' })));
    expect(onsite.text).toContain(`C’est dans 7 jours${N}!`);
    expect(onsite.text).toContain('N’oubliez pas votre badge.');
    expect(onsite.text).toContain(`Où${N}?\nLe Corum\nEsplanade Charles-de-Gaulle\n34000 Montpellier\n`);
    expect(hrefs(onsite.html)).toEqual([MAIL_SAMPLES.reminder.manageUrl]);
    const noLink = render(changed('reminder', (v) => (v.onlineUrl = null)));
    expect(noLink.text).toContain('Nous vous enverrons le lien pour participer avant le début.');
    expect(noLink.text).not.toContain('badge');
  });

  it('says "Sur internet" for an online event, and when the venue is not known yet', () => {
    const online = render(changed('manage_link', (v) => Object.assign(v.event, { format: 'online', venue: null })));
    expect(online.text).toContain(`Où${N}?\nSur internet.\n`);
    expect(online.text).not.toContain('Corum');
    const unknown = render(changed('cancellation', (v) => Object.assign(v.event, { format: 'onsite', venue: null })));
    expect(unknown.text).toContain(`Où${N}?\nNous vous dirons bientôt où c’est.\n`);
  });

  it('words an event over two days on one line, and keeps dates it cannot reword as given', () => {
    const twoDays = render(changed('confirmation', (v) => (v.event.endsAt = 'vendredi 12 mars 2027 à 12 h 30')));
    expect(twoDays.text).toContain(`Quand${N}?\nDu jeudi 11 mars 2027 à 9 heures au vendredi 12 mars 2027 à 12 heures 30\n`);
    const odd = templates.render(changed('workshop_promoted', (v) => (v.workshop.when = 'jeudi 11 mars 2027, après le déjeuner')));
    expect(odd.text).toContain(`Quand${N}?\njeudi 11 mars 2027, après le déjeuner\n`);
  });

  it('leaves out what is not there: no reason, no badge, no room, no agenda', () => {
    expect(render(changed('event_cancelled', (v) => (v.reason = null))).text).not.toContain('Pourquoi');
    expect(render(changed('confirmation', (v) => (v.hasBadge = false))).text).not.toMatch(/badge|aussi en pièce jointe/);
    expect(render(changed('workshop_promoted', (v) => (v.workshop.room = null))).text).not.toContain('Salle Einstein');
    expect(render(changed('confirmation', (v) => Object.assign(v, { hasBadge: false, hasAgenda: false }))).text).not.toContain('pièce jointe');
  });
});

describe('MailTemplates.render, easy to read, strictly', () => {
  it.each<[string, MailView, RegExp]>([
    ['firstName', changed('confirmation', (v) => delete v.firstName), /^easy\/layout\.html\.hbs › "firstName" not defined/],
    ['position', changed('waitlisted', (v) => delete v.position), /^easy\/waitlisted\.html\.hbs › "position" not defined/],
    ['hasBadge (read by #if)', changed('confirmation', (v) => delete v.hasBadge), /easy\/_practical\.html\.hbs › Mail template: #if on a missing value/],
    ['the event start (read by dates)', changed('confirmation', (v) => delete v.event.startsAt), /dates of a missing text/],
    ['a workshop time (read by slot)', changed('confirmation', (v) => delete v.workshops[0].when), /slot of a missing text/],
    ['event.venue', changed('cancellation', (v) => delete v.event.venue), /easy\/_venue\.html\.hbs › Mail template: #if on a missing value/],
    ['manageUrl', changed('manage_link', (v) => delete v.manageUrl), /Mail link: expected a URL/],
  ])('throws when %s is missing', (_, view, error) => {
    expect(() => templates.render(view)).toThrow(error);
  });

  it('links nothing but http(s)', () => {
    expect(() => templates.render(changed('promoted', (v) => (v.onlineUrl = 'javascript:alert(1)')))).toThrow(/only http\(s\)/);
  });

  describe('at construction', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'mail-templates-easy-'));
      cpSync(DEFAULT_MAIL_TEMPLATES_DIR, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it.each(['reminder.text.hbs', 'broadcast.subject.hbs', 'manage_link.html.hbs', 'layout.html.hbs'])(
      'fails when easy/%s is missing, so that no kind ships without its easy-to-read variant',
      (file) => {
        rmSync(join(dir, EASY_READ_DIR, file));
        expect(() => new MailTemplates(dir)).toThrow(`Mail template easy/${file} is missing`);
      },
    );

    it('fails without the easy folder, and on a broken easy template, naming it', () => {
      writeFileSync(join(dir, EASY_READ_DIR, 'reminder.text.hbs'), 'C’est {{#if dueIn}}bientôt');
      expect(() => new MailTemplates(dir)).toThrow(/easy\/reminder\.text\.hbs/);
      rmSync(join(dir, EASY_READ_DIR), { recursive: true });
      expect(() => new MailTemplates(dir)).toThrow(/easy\/confirmation\.subject\.hbs is missing/);
    });
  });
});

describe('MailTemplates.render, easy to read, hostile input', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['{{firstName}}', '{{firstName}}', '{{firstName}}'],
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
      expect(`${html}${text}`).not.toMatch(/evil\.example|www\.evil/);
      const online = 'onlineUrl' in view ? view.onlineUrl : null;
      expect(hrefs(html).every((href) => href === view.manageUrl || href === online)).toBe(true);
    }
  });

  it('defuses and escapes every other text too: titles, rooms, dates, the broadcast, shown as given', () => {
    const view = changed('broadcast', (v) => {
      v.event.title = '<b>Rencontre</b> sur evil.example';
      v.event.venue.name = 'Salle "A" & www.evil.example';
      v.event.startsAt = '<i>jeudi</i> evil.example à 9 h 00';
      v.subject = '<img src=x onerror=alert(1)>Important\r\nBcc: victim@example.org';
      v.body = 'Premier paragraphe,\r\nsur deux lignes : <i>evil.example</i>\r\n\r\nSecond {{paragraphe}}';
    });
    const { subject, html, text } = templates.render(view);
    expect(subject).toBe(`<img src=x onerror=alert(1)>Important Bcc: victim@example${Z}.org`);
    expect(html).not.toMatch(/<img|<b>|<i>/);
    expect(html).toContain(`&lt;b&gt;Rencontre&lt;/b&gt; sur evil${Z}.example`);
    expect(html).toContain(`Salle &quot;A&quot; &amp; www${Z}.evil${Z}.example`);
    expect(html).toContain(`&lt;i&gt;jeudi&lt;/i&gt; evil${Z}.example à 9 h 00 – 17 h 00`);
    expect(html).toContain(`Premier paragraphe,<br>\nsur deux lignes : &lt;i&gt;evil${Z}.example&lt;/i&gt;</p>`);
    expect(hrefs(html)).toEqual([view.manageUrl]);
    expect(text).toContain(`Premier paragraphe,\nsur deux lignes : <i>evil${Z}.example</i>\n\nSecond {{paragraphe}}\n`);
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
    const { html, text } = templates.render(marked(MAIL_SAMPLES_EASY[kind]) as MailView);
    expect(html).not.toMatch(/<\/?i>/);
    expect(html).toContain(`&lt;i&gt;${MAIL_SAMPLES[kind].firstName}&lt;/i&gt;`);
    expect(text).toContain(`<i>${MAIL_SAMPLES[kind].event.title}</i>`);
  });

  it('keeps the subject one line, even from a title with line breaks', () => {
    for (const kind of MAIL_KINDS) {
      const { subject } = templates.render(changed(kind, (v) => (v.event.title = `Rencontre\r\nrégionale\u2028${'très '.repeat(80)}`)));
      expect(subject).not.toMatch(/[\r\n\t\u2028]/);
    }
  });
});

describe('the easy-to-read template files', () => {
  const files = readdirSync(EASY_DIR).filter((f) => f.endsWith('.hbs'));

  it('exist for every kind, with their layouts', () => {
    for (const kind of MAIL_KINDS) for (const part of ['subject', 'html', 'text']) expect(files).toContain(`${kind}.${part}.hbs`);
    expect(files).toEqual(expect.arrayContaining(['layout.html.hbs', 'layout.text.hbs']));
  });

  it.each(files)('%s follows French typography and uses no abbreviation', (file) => {
    const words = readFileSync(join(EASY_DIR, file), 'utf8')
      .replace(/\{\{\{?[^}]*\}?\}\}/g, '')
      .replace(/<[^>]*>/g, '');
    expect(words).not.toContain("'");
    expect(words).not.toMatch(/[^\u202f][;:!?»]|«[^\u202f]/);
    for (const [, pattern] of FORBIDDEN) expect(words).not.toMatch(pattern);
  });
});
