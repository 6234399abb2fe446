import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { warmUpDocuments } from '../../documents/pdf/pdf-document';
import { RenderPool } from '../../documents/render/render-pool';

/**
 * Pays the first document's one-off cost (fonts, shaping tables) at start-up, here and in the
 * render pool's workers, rather than during a request, where it stalled the event loop for 0.3–1 s. Skipped in tests, where every file
 * starts an application and most never render a document.
 */
@Injectable()
export class DocumentsWarmUp implements OnApplicationBootstrap {
  private readonly logger = new Logger('Documents');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pool: RenderPool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.nodeEnv === 'test') return;
    const started = Date.now();
    // The workers load theirs meanwhile, on the other cores.
    this.pool.start();
    await warmUpDocuments();
    this.logger.log(`PDF fonts loaded in ${Date.now() - started} ms`);
  }
}
