import { addOrganiser, parseEmailArgument } from '../../src/auth/cli/add-organiser';
import { startTestApp, TestApp } from '../support/test-app';

describe('npm run organiser:create', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reads --email in both spellings', () => {
    expect(parseEmailArgument(['--email', 'a@b.fr'])).toBe('a@b.fr');
    expect(parseEmailArgument(['--email=a@b.fr'])).toBe('a@b.fr');
    expect(parseEmailArgument([])).toBeNull();
  });

  it('adds an organiser who can then log in, once', async () => {
    const result = await addOrganiser(t.dataSource, ' Second.Organisateur@Occitanie.test ', 'encore-un-mot-de-passe');
    expect(result).toEqual({ ok: true, email: 'second.organisateur@occitanie.test' });
    await t.http.post('/api/auth/login').send({ email: 'second.organisateur@occitanie.test', password: 'encore-un-mot-de-passe' }).expect(200);
    const again = await addOrganiser(t.dataSource, 'second.organisateur@occitanie.test', 'encore-un-mot-de-passe');
    expect(again).toEqual({ ok: false, message: expect.stringContaining('already exists') });
  });

  it('refuses a short password or a bad email', async () => {
    expect(await addOrganiser(t.dataSource, 'x@y.fr', 'court')).toMatchObject({ ok: false });
    expect(await addOrganiser(t.dataSource, 'pas-un-email', 'assez-long-mot-de-passe')).toMatchObject({ ok: false });
  });
});
