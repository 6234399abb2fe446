import { Baseline1764370000000 } from './1764370000000-baseline';
import { RegistrationNeeds1764370000100 } from './1764370000100-registration-needs';
import { RegistrationQuotas1764370000110 } from './1764370000110-registration-quotas';
import { WorkshopAllocation1764370000120 } from './1764370000120-workshop-allocation';
import { BackofficeSessions1764370000200 } from './1764370000200-backoffice-sessions';
import { OrganiserInvitations1764370000201 } from './1764370000201-organiser-invitations';
import { LighterSeatDecision1764370000300 } from './1764370000300-lighter-seat-decision';

/**
 * In order. A new migration is added here as well as in its own file. Nothing was released before
 * the baseline: it replaced the migrations 1764370000000…1764370000070 (see its comment).
 */
export const MIGRATIONS = [
  Baseline1764370000000,
  RegistrationNeeds1764370000100,
  RegistrationQuotas1764370000110,
  WorkshopAllocation1764370000120,
  BackofficeSessions1764370000200,
  OrganiserInvitations1764370000201,
  LighterSeatDecision1764370000300,
];
