import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { warmUpDocuments } from '../../documents/pdf/pdf-document';
import { RenderPool } from '../../documents/render/render-pool';

/**
 * Pays the first document's one-off cost (fonts, shaping tables) just after start-up, here and in the
 * render pool's workers, rather than during a request, where it stalled the event loop for 0.3–1 s. Skipped in tests, where every file
 * starts an application and most never render a document.
 */
/** After start-up, when the first probes have been answered. */
const WARM_UP_DELAY_MS = 1500;

@Injectable()
export class DocumentsWarmUp implements OnApplicationBootstrap {
  private readonly logger = new Logger('Documents');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pool: RenderPool,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    // The workers load theirs at once, on the other cores; this thread (which draws only the
    // programme PDF) loads its own once the server is listening, so a start is not 0.4 s longer.
    this.pool.start();
    setTimeout(() => void this.warmUpHere(), WARM_UP_DELAY_MS).unref();
  }

  private async warmUpHere(): Promise<void> {
    const started = Date.now();
    await warmUpDocuments();
    this.logger.log(`PDF fonts loaded in ${Date.now() - started} ms`);
  }
}
