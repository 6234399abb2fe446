import { IsIn } from 'class-validator';
import { DEPARTMENT_CODES, ORGANISATION_TYPE_CODES, THEME_CODES } from './reference.data';

/** Validators for reference codes, with the message naming where the codes are listed. */
export const IsThemeCode = (each = false) => IsIn(THEME_CODES, { each, message: 'must be a theme code from GET /api/reference' });
export const IsDepartmentCode = (each = false) => IsIn(DEPARTMENT_CODES, { each, message: 'must be a département code from GET /api/reference' });
export const IsOrganisationTypeCode = (each = false) => IsIn(ORGANISATION_TYPE_CODES, { each, message: 'must be an organisation type code from GET /api/reference' });
