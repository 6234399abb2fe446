import { ApiProperty } from '@nestjs/swagger';

export class StatusCountsDto {
  @ApiProperty({ example: 380 }) confirmed: number;
  @ApiProperty({ example: 42 }) waitlisted: number;
  @ApiProperty({ example: 17 }) cancelled: number;
}

export class ModeCountsDto {
  @ApiProperty({ example: 300 }) confirmed: number;
  @ApiProperty({ example: 42 }) waitlisted: number;
}

export class ByAttendanceModeDto {
  @ApiProperty({ type: ModeCountsDto }) onsite: ModeCountsDto;
  @ApiProperty({ type: ModeCountsDto }) online: ModeCountsDto;
}

export class CodeCountDto {
  @ApiProperty({ example: 'association' }) code: string;
  @ApiProperty({ example: 'Association' }) label: string;
  @ApiProperty({ example: 120, description: 'Confirmed registrations' }) confirmed: number;
}

export class DepartmentCountDto {
  @ApiProperty({ example: '34', nullable: true, type: String, description: 'null: département not given' }) code: string | null;
  @ApiProperty({ example: 'Hérault' }) label: string;
  @ApiProperty({ example: true, description: 'One of Occitanie’s thirteen départements (listed first)' }) occitanie: boolean;
  @ApiProperty({ example: 95, description: 'Confirmed registrations' }) confirmed: number;
}

export class ThemeCountDto {
  @ApiProperty({ example: 'sante' }) code: string;
  @ApiProperty({ example: 'Inégalités de santé' }) label: string;
  @ApiProperty({ example: 64, description: 'Confirmed workshop choices of confirmed registrants, per theme of the workshop' })
  choices: number;
}

export class NeedCountDto {
  @ApiProperty({ example: 'wheelchair', description: 'A code of GET /api/reference `accessibility`' }) code: string;
  @ApiProperty({ example: 'Accès en fauteuil roulant' }) label: string;
  @ApiProperty({ example: 3, description: 'Confirmed registrants with this need' }) confirmed: number;
}

export class NeedsDto {
  @ApiProperty({ type: [NeedCountDto], description: 'Every accessibility need, in reference order, zeros included' })
  accessibility: NeedCountDto[];
  @ApiProperty({ example: 12, description: 'Confirmed registrants asking for travel support' }) travelSupport: number;
}

export class SessionFillDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ example: 'Atelier : aller vers les personnes éloignées de l’emploi' }) title: string;
  @ApiProperty({ nullable: true, type: Number, example: 40, description: 'The workshop’s capacity, else its room’s; null = unlimited' })
  capacity: number | null;
  @ApiProperty({ example: 38 }) confirmed: number;
  @ApiProperty({ example: 5 }) waitlisted: number;
  @ApiProperty({ type: NeedsDto, description: 'Needs of the confirmed registrants holding a seat in this workshop' }) needs: NeedsDto;
  @ApiProperty({ nullable: true, type: Number, example: 0.95, description: 'confirmed / capacity, 3 decimals; null when unlimited' })
  fillRate: number | null;
}

export class QuotaStatsDto {
  @ApiProperty({ example: 'personne_concernee' }) organisationType: string;
  @ApiProperty({ example: 'Personne concernée' }) label: string;
  @ApiProperty({ enum: ['onsite', 'online'] }) attendanceMode: string;
  @ApiProperty({ example: 30 }) seats: number;
  @ApiProperty({ example: 12, description: 'Kept seats taken by people of that type' }) taken: number;
  @ApiProperty({ example: 18, description: 'Kept seats still free for that type (0 once released)' }) left: number;
}

export class CheckInStatsDto {
  @ApiProperty({ example: 250, description: 'Confirmed registrants checked in' }) checkedIn: number;
  @ApiProperty({ example: 300, description: 'Confirmed onsite registrants' }) expected: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.833, description: 'checkedIn / expected, 3 decimals; null when nobody is expected' })
  rate: number | null;
}

export class EventStatsDto {
  @ApiProperty({ type: StatusCountsDto }) registrations: StatusCountsDto;
  @ApiProperty({ type: ByAttendanceModeDto }) byAttendanceMode: ByAttendanceModeDto;
  @ApiProperty({ type: [CodeCountDto], description: 'Every organisation type, in reference order, zeros included' })
  byOrganisationType: CodeCountDto[];
  @ApiProperty({
    type: [DepartmentCountDto],
    description:
      'Départements with at least one confirmed registrant: Occitanie’s first, then the others, each most first (ties in reference order); then code null for "not given"',
  })
  byDepartment: DepartmentCountDto[];
  @ApiProperty({ type: [ThemeCountDto], description: 'Every theme, in reference order, zeros included' })
  byTheme: ThemeCountDto[];
  @ApiProperty({ type: [SessionFillDto], description: 'The event’s workshops in programme order' })
  sessions: SessionFillDto[];
  @ApiProperty({ type: NeedsDto, description: 'Needs of the confirmed registrants, for the whole event' }) needs: NeedsDto;
  @ApiProperty({ type: [QuotaStatsDto], description: 'Seats kept for organisation types, as the event answers them' }) quotas: QuotaStatsDto[];
  @ApiProperty({ type: CheckInStatsDto }) checkIn: CheckInStatsDto;
}
