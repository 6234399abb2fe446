/**
 * `npm run mail:preview`: renders every sample mail to var/mail-preview/ (from the current
 * directory) as <kind>.html, <kind>.txt and <kind>.eml, and its easy-to-read variant to
 * var/mail-preview/easy/, to read them, open them in a browser or a mail client, before changing
 * a template. No database, no configuration.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { MAIL_SAMPLES, MAIL_SAMPLES_EASY } from './mail-samples';
import { MAIL_KINDS, MailTemplates } from './mail-templates';

// Fixed, so that previews only differ when the templates do.
const PREVIEW_DATE = new Date('2027-03-01T09:00:00Z');

async function writeAll(dir: string, samples: typeof MAIL_SAMPLES, templates: MailTemplates): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const kind of MAIL_KINDS) {
    const view = samples[kind];
    const mail = templates.render(view);
    const eml = await new MailComposer({
      from: 'Rencontres <ne-pas-repondre@rencontres.example.gouv.fr>',
      to: `${view.firstName} ${view.lastName} <${view.firstName.toLowerCase()}@example.org>`,
      date: PREVIEW_DATE,
      messageId: `<preview-${kind}${view.easyRead ? '-easy' : ''}@rencontres.example.gouv.fr>`,
      ...mail,
    })
      .compile()
      .build();
    writeFileSync(join(dir, `${kind}.html`), mail.html);
    writeFileSync(join(dir, `${kind}.txt`), mail.text);
    writeFileSync(join(dir, `${kind}.eml`), eml);
    console.log(`${kind.padEnd(18)} ${mail.subject}`);
  }
  console.log(`\n${MAIL_KINDS.length} messages written to ${dir}/ (<kind>.html, .txt, .eml)\n`);
}

async function main(): Promise<void> {
  const dir = resolve('var', 'mail-preview');
  const templates = new MailTemplates();
  await writeAll(dir, MAIL_SAMPLES, templates);
  await writeAll(join(dir, 'easy'), MAIL_SAMPLES_EASY, templates);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
