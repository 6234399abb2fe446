import { Module } from '@nestjs/common';
import { DocumentsWarmUp } from './documents-warm-up';
import { RenderPool } from './render/render-pool';

/** The render pool every feature draws its PDFs with (one per process, started after start-up). */
@Module({
  providers: [{ provide: RenderPool, useFactory: () => new RenderPool() }, DocumentsWarmUp],
  exports: [RenderPool],
})
export class DocumentsModule {}
