import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { ProblemDetailsFilter } from '../common/problem-details.filter';
import type { PageRenderer } from './page-renderer';

/** Paths that belong to the API and the tooling: their errors stay problem details. */
const NOT_PAGES = /^\/(api|docs|docs-json|health|metrics)(\/|$)/;

interface ErrorPage {
  title: string;
  lead: string;
  hint: string;
}

const PAGES: Record<number, ErrorPage> = {
  400: {
    title: 'Demande invalide',
    lead: 'Cette demande n’a pas pu être traitée.',
    hint: 'Revenez à la page précédente et réessayez.',
  },
  401: {
    title: 'Lien invalide ou expiré',
    lead: 'Ce lien de gestion ne correspond à aucune inscription.',
    hint: 'Vérifiez que vous avez copié le lien en entier, ou demandez-le à nouveau : il vous sera envoyé par courriel.',
  },
  403: {
    title: 'Formulaire expiré',
    lead: 'Ce formulaire n’a pas pu être vérifié : il a peut-être été ouvert il y a trop longtemps ou dans un autre navigateur.',
    hint: 'Revenez à la page précédente, rechargez-la, puis envoyez le formulaire à nouveau.',
  },
  404: {
    title: 'Page non trouvée',
    lead: 'La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.',
    hint: 'Si vous avez tapé l’adresse dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être plus disponible.',
  },
  429: {
    title: 'Trop de demandes',
    lead: 'Trop de demandes ont été envoyées depuis votre connexion en peu de temps.',
    hint: 'Patientez une minute, puis réessayez.',
  },
  500: {
    title: 'Erreur inattendue',
    lead: 'Désolé, le service rencontre un problème, nous travaillons pour le résoudre le plus rapidement possible.',
    hint: 'Essayez de rafraîchir la page ou bien réessayez plus tard.',
  },
  503: {
    title: 'Service momentanément indisponible',
    lead: 'Le service est très sollicité en ce moment.',
    hint: 'Réessayez dans un instant.',
  },
};

/**
 * The application's error filter: the API's problem details for API paths, and for pages the
 * 404 and error pages in the same design as the rest of the site.
 */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly pages: PageRenderer,
    private readonly problems: ExceptionFilter = new ProblemDetailsFilter(),
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (!req || NOT_PAGES.test(req.path) || res.headersSent) return this.problems.catch(exception, host);
    const status = exception instanceof DomainError ? exception.status : exception instanceof HttpException ? exception.getStatus() : 500;
    if (status >= 500 && !(exception instanceof DomainError)) {
      const error = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`${error.name}: ${error.message}`, error.stack);
    }
    const page = PAGES[status] ?? (status >= 500 ? PAGES[500] : PAGES[400]);
    const headers = exception instanceof DomainError ? exception.headers : {};
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    this.pages.send(res, 'error', { title: page.title }, { ...page, status, lostLink: status === 401 }, { status, personal: status === 401 || req.path.startsWith('/gestion') });
  }
}
