import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import { encodedAttachment } from './mail-transport';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0xe9), Buffer.from('\n%%EOF')]);

async function composed(attachments: Array<ReturnType<typeof encodedAttachment>>): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({ from: 'a@rencontres.test', to: 'b@rencontres.test', subject: 'x', text: 'x', attachments: attachments });
  return (info.message as Buffer).toString();
}

describe('encodedAttachment', () => {
  it('writes a plain-named attachment as a finished base64 part, in lines of at most 76, that a mail client reads back byte for byte', async () => {
    const part = encodedAttachment({ filename: 'badge.pdf', contentType: 'application/pdf', content: PDF });
    expect(part).toHaveProperty('raw');
    const raw = (part as { raw: string }).raw;
    expect(
      raw
        .split('\r\n\r\n')[1]
        .split('\r\n')
        .every((line) => line.length <= 76),
    ).toBe(true);
    const mail = await simpleParser(
      await composed([
        part,
        encodedAttachment({
          filename: 'agenda.ics',
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          content: 'BEGIN:VCALENDAR\r\nSUMMARY:Atelier « Santé »\r\nEND:VCALENDAR\r\n',
        }),
      ]),
    );
    const [pdf, ics] = mail.attachments;
    expect([pdf.filename, pdf.contentType, pdf.contentDisposition]).toEqual(['badge.pdf', 'application/pdf', 'attachment']);
    expect(pdf.content.equals(PDF)).toBe(true);
    expect([ics.filename, ics.contentType]).toEqual(['agenda.ics', 'text/calendar']);
    expect(ics.content.toString()).toContain('Atelier « Santé »');
  });

  it('leaves to nodemailer a name it would have to encode, and a type that could break its header', async () => {
    for (const attachment of [
      { filename: 'attestation présence.pdf', contentType: 'application/pdf', content: PDF },
      { filename: 'badge.pdf', contentType: 'application/pdf\r\nBcc: x@evil.example', content: PDF },
    ]) {
      expect(encodedAttachment(attachment)).toBe(attachment);
    }
    const mail = await simpleParser(await composed([encodedAttachment({ filename: 'attestation présence.pdf', contentType: 'application/pdf', content: PDF })]));
    expect(mail.attachments[0].filename).toBe('attestation présence.pdf');
    expect(mail.attachments[0].content.equals(PDF)).toBe(true);
  });
});
