import { Foundation1764370000000 } from './1764370000000-foundation';
import { Programme1764370000001 } from './1764370000001-programme';
import { Registrations1764370000002 } from './1764370000002-registrations';
import { ProgrammeRevision1764370000010 } from './1764370000010-programme-revision';
import { ProgrammeEventDelete1764370000011 } from './1764370000011-programme-event-delete';
import { RegistrationCapacityGuard1764370000020 } from './1764370000020-registration-capacity-guard';
import { RegistrationTallies1764370000021 } from './1764370000021-registration-tallies';
import { FoldUppercaseAccents1764370000029 } from './1764370000029-fold-uppercase-accents';
import { RegistrationSearch1764370000030 } from './1764370000030-registration-search';
import { RegistrationRushFunction1764370000040 } from './1764370000040-registration-rush-function';
import { Notifications1764370000050 } from './1764370000050-notifications';
import { RequestLimits1764370000060 } from './1764370000060-request-limits';
import { ProgrammeChanges1764370000061 } from './1764370000061-programme-changes';
import { RegistrationBatches1764370000070 } from './1764370000070-registration-batches';
import { RegistrationNeeds1764370000100 } from './1764370000100-registration-needs';
import { RegistrationQuotas1764370000110 } from './1764370000110-registration-quotas';

/** In order. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [Foundation1764370000000, Programme1764370000001, Registrations1764370000002, ProgrammeRevision1764370000010, ProgrammeEventDelete1764370000011, RegistrationCapacityGuard1764370000020, RegistrationTallies1764370000021, FoldUppercaseAccents1764370000029, RegistrationSearch1764370000030, RegistrationRushFunction1764370000040, Notifications1764370000050, RequestLimits1764370000060, ProgrammeChanges1764370000061, RegistrationBatches1764370000070, RegistrationNeeds1764370000100, RegistrationQuotas1764370000110];
