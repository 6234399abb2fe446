import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleting a draft event cascades to its rooms, speakers and sessions. With ON DELETE RESTRICT
 * on session → room and session_speaker → speaker, PostgreSQL refused that cascade whenever it
 * reached a room or speaker before the sessions using it (each cascade branch is its own inner
 * statement, so even NO ACTION fails). Checked at commit instead (NO ACTION, deferred), the
 * cascade goes through, and deleting a room or speaker still in use is still refused (the
 * services refuse first, naming the sessions).
 */
export class ProgrammeEventDelete1764370000011 implements MigrationInterface {
  name = 'ProgrammeEventDelete1764370000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE session DROP CONSTRAINT session_room_id_fkey,
        ADD CONSTRAINT session_room_id_fkey FOREIGN KEY (room_id) REFERENCES room(id) ON DELETE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`
      ALTER TABLE session_speaker DROP CONSTRAINT session_speaker_speaker_id_fkey,
        ADD CONSTRAINT session_speaker_speaker_id_fkey FOREIGN KEY (speaker_id) REFERENCES speaker(id) ON DELETE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE session_speaker DROP CONSTRAINT session_speaker_speaker_id_fkey,
        ADD CONSTRAINT session_speaker_speaker_id_fkey FOREIGN KEY (speaker_id) REFERENCES speaker(id) ON DELETE RESTRICT`);
    await q.query(`
      ALTER TABLE session DROP CONSTRAINT session_room_id_fkey,
        ADD CONSTRAINT session_room_id_fkey FOREIGN KEY (room_id) REFERENCES room(id) ON DELETE RESTRICT`);
  }
}
