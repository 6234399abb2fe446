import { DataSource } from 'typeorm';
import { OrganisersRepository } from '../organisers.repository';
import { hashPassword } from '../password';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export type AddOrganiserResult = { ok: true; email: string } | { ok: false; message: string };

/** The use case behind `npm run organiser:create`, kept apart from terminal input for tests. */
export async function addOrganiser(dataSource: DataSource, emailInput: string, password: string): Promise<AddOrganiserResult> {
  const email = emailInput.trim().toLowerCase();
  if (!EMAIL.test(email)) return { ok: false, message: `"${emailInput}" is not an email address.` };
  if (password.length < 12) return { ok: false, message: 'The password must be at least 12 characters long.' };
  const created = await new OrganisersRepository(dataSource).createIfAbsent(email, await hashPassword(password));
  return created ? { ok: true, email } : { ok: false, message: `An organiser with the email ${email} already exists.` };
}

/** `--email a@b.fr` or `--email=a@b.fr`. */
export function parseEmailArgument(argv: string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--email') return argv[i + 1] ?? null;
    if (argv[i].startsWith('--email=')) return argv[i].slice('--email='.length);
  }
  return null;
}
