import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface WindowCount {
  hits: number;
  /** When the current window ends. */
  resetsAt: Date;
}

/** Fixed-window request counters in PostgreSQL, so every instance counts the same requests. */
@Injectable()
export class RateWindowsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts one request of `key` in `scope` and answers the window's count, this one included:
   * one atomic upsert, so concurrent requests on any instance each see a distinct count.
   */
  async hit(scope: string, key: string, windowMs: number, now: Date): Promise<WindowCount> {
    const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const [row] = await this.dataSource.query<Array<{ hits: string; window_start: Date }>>(
      `INSERT INTO rate_window AS w (scope, key, window_start, hits) VALUES ($1, $2, $3, 1)
       ON CONFLICT (scope, key) DO UPDATE
         SET hits = CASE WHEN EXCLUDED.window_start > w.window_start THEN 1 ELSE w.hits + 1 END,
             window_start = GREATEST(w.window_start, EXCLUDED.window_start)
       RETURNING hits, window_start`,
      [scope, key, start],
    );
    // An instance whose clock lags at a window's turn counts into the newer window, never resets it.
    return { hits: Number(row.hits), resetsAt: new Date(new Date(row.window_start).getTime() + windowMs) };
  }

  /** Forgets windows that ended before `before`. */
  async sweep(before: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_window WHERE window_start < $1`, [before]);
  }
}
