import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCESSIBILITY_NEEDS, DEPARTMENTS, ORGANISATION_TYPES, THEMES } from './reference.data';
import { ReferenceDto } from './reference.dto';

@ApiTags('reference')
@Controller('api/reference')
export class ReferenceController {
  @Get()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'Working-group themes, organisation types and départements (Occitanie first) and accessibility needs, labels in French' })
  @ApiOkResponse({ type: ReferenceDto })
  get(): ReferenceDto {
    return { themes: THEMES, organisationTypes: ORGANISATION_TYPES, departments: DEPARTMENTS, accessibility: ACCESSIBILITY_NEEDS };
  }
}
