import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RenderPool } from './render/render-pool';

/**
 * Starts the render pool's workers just after start-up: each pays the first document's one-off
 * cost (fonts, shaping tables, 0.3–1 s of CPU) on a core of its own, rather than during someone's
 * first download. This thread draws no document when there are workers, so it loads nothing (its
 * own warm-up, on a timer, once stalled the event loop for a quarter of a second mid-download).
 * Skipped in tests, where every file starts an application and most never render a document.
 */
@Injectable()
export class DocumentsWarmUp implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pool: RenderPool,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv !== 'test') this.pool.start();
  }
}
