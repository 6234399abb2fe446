import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

const JSQR = require.resolve('jsqr/dist/jsQR.js');

/** The QR decoder for browsers without BarcodeDetector, served from its package (no CDN: the network may be closed). */
@ApiExcludeController()
@Controller('gestion/ressources')
export class QrDecoderController {
  @Get('jsqr.js')
  jsqr(@Res() res: Response): void {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.type('application/javascript; charset=utf-8').sendFile(JSQR);
  }
}
