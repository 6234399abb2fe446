import { parsePdf } from '../../../test/support/pdf';
import { toBuffer } from '../pdf/pdf-document';
import { renderCertificate, renderCertificates } from './certificate.renderer';
import { SAMPLE_CERTIFICATE } from './certificate.sample';

const NNBSP = '\u202F';

describe('renderCertificate', () => {
  it('certifies the person’s presence at the event, with the sessions, the organiser and a line to sign', async () => {
    const parsed = await parsePdf(await toBuffer(renderCertificate(SAMPLE_CERTIFICATE)));
    expect(parsed.numPages).toBe(1);
    const text = parsed.text.replace(/ *\n */g, ' ');
    expect(text).toContain('Attestation de présence');
    expect(text).toContain(
      `Commissariat à la lutte contre la pauvreté d’Occitanie, organisateur de l’événement «${NNBSP}Rencontre régionale de la lutte contre la pauvreté 2027${NNBSP}»`,
    );
    expect(text).toContain('du jeudi 11 au vendredi 12 mars 2027 (Le Corum, Montpellier)');
    expect(text).toContain('Élodie Lefèvre');
    expect(text).toContain(`Association «${NNBSP}Solidarités Occitanie${NNBSP}»`);
    expect(text).toContain(`Atelier${NNBSP}: aide alimentaire, circuits courts et dignité`);
    expect(text).toContain('Fait à Montpellier, le 12 mars 2027');
    expect(text).toContain('Signature et cachet');
    expect(parsed.info.Author).toBe('Rencontres');
  });

  it('puts one certificate per page, as many as given', async () => {
    const people = ['Inès Abadie', 'Louis Bénard', 'Zoé Martin'];
    const parsed = await parsePdf(
      await toBuffer(
        renderCertificates(
          people.map((fullName) => ({ ...SAMPLE_CERTIFICATE, person: { fullName, organisation: null } })),
          { title: 'Attestations' },
        ),
      ),
    );
    expect(parsed.numPages).toBe(3);
    people.forEach((name, i) => expect(parsed.pages[i]).toContain(name));
  });
});
