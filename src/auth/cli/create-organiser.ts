import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config';
import { dataSourceOptions, runMigrations } from '../../database/data-source';
import { openDatabase } from '../../database/database-url';
import { addOrganiser, parseEmailArgument } from './add-organiser';

/** Reads the password from a piped stdin, or asks for it twice without echo on a terminal. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = '';
    for await (const chunk of process.stdin) data += chunk;
    return data.replace(/\r?\n$/, '');
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(prompt);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let value = '';
      const onData = (buffer: Buffer) => {
        for (const char of buffer.toString('utf8')) {
          if (char === '\r' || char === '\n') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            process.stdout.write('\n');
            return resolve(value);
          }
          if (char === '\u0003') process.exit(130);
          if (char === '\u007f') value = value.slice(0, -1);
          else value += char;
        }
      };
      stdin.on('data', onData);
    });
  const first = await ask('Mot de passe (12 caractères au moins) : ');
  const second = await ask('Confirmez le mot de passe : ');
  if (first !== second) throw new Error('The two passwords differ.');
  return first;
}

async function main(): Promise<void> {
  const email = parseEmailArgument(process.argv.slice(2));
  if (!email) throw new Error('Usage: npm run organiser:create -- --email you@example.org  (password on stdin or at the prompt)');
  const password = await readPassword();
  const config = loadConfig();
  const db = await openDatabase(config, (line) => console.error(line));
  const dataSource = new DataSource(dataSourceOptions(db.url, 2));
  try {
    await runMigrations(db.url);
    await dataSource.initialize();
    const result = await addOrganiser(dataSource, email, password);
    if (!result.ok) throw new Error(result.message);
    console.log(`Organiser ${result.email} created: log in with POST /api/auth/login.`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
