import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ACCESSIBILITY_NEEDS, DEPARTMENTS, ORGANISATION_TYPES, THEMES } from './reference.data';

@ApiTags('reference')
@Controller('api/reference')
export class ReferenceController {
  @Get()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOkResponse({
    description: 'Working-group themes, organisation types, départements (Occitanie first) and accessibility needs; labels in French.',
    schema: {
      example: {
        themes: [{ code: 'petite_enfance', label: 'Petite enfance' }],
        organisationTypes: [{ code: 'association', label: 'Association' }],
        departments: [{ code: '09', label: 'Ariège' }],
        accessibility: [{ code: 'lsf', label: 'Interprétation en langue des signes française (LSF)' }],
      },
    },
  })
  get() {
    return { themes: THEMES, organisationTypes: ORGANISATION_TYPES, departments: DEPARTMENTS, accessibility: ACCESSIBILITY_NEEDS };
  }
}
