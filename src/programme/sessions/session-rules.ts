import type { FieldError } from '../../common/domain-error';
import { formatFrench } from '../../common/time';

/** A session ends after it starts and lies within its event. */
export function checkSessionTimes(session: { startsAt: Date; endsAt: Date }, event: { startsAt: Date; endsAt: Date; timezone: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (session.endsAt.getTime() <= session.startsAt.getTime()) errors.push({ field: 'endsAt', message: 'must be after startsAt' });
  const window = `${formatFrench(event.startsAt, event.timezone)} → ${formatFrench(event.endsAt, event.timezone)}`;
  if (session.startsAt.getTime() < event.startsAt.getTime() || session.startsAt.getTime() >= event.endsAt.getTime()) {
    errors.push({ field: 'startsAt', message: `must lie within the event (${window})` });
  }
  if (session.endsAt.getTime() > event.endsAt.getTime() || session.endsAt.getTime() <= event.startsAt.getTime()) {
    errors.push({ field: 'endsAt', message: `must lie within the event (${window})` });
  }
  return errors;
}
