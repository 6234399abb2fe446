import { MigrationInterface, QueryRunner } from 'typeorm';

const LOWER = 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ';
const UPPER = 'ÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸŒÆ';
const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyyoa';

/**
 * Under the C locale (the embedded database's) lower() leaves 'É' as it is, so fold('Éric')
 * did not match 'eric'. Fold upper-case accented letters explicitly, and the typographic
 * apostrophe to the one people type.
 */
export class FoldUppercaseAccents1764370000029 implements MigrationInterface {
  name = 'FoldUppercaseAccents1764370000029';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
        translate(lower($1), '${LOWER}${UPPER}’', '${PLAIN}${PLAIN}''')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
        translate(lower($1), '${LOWER}', '${PLAIN}')`);
  }
}
