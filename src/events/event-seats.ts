/** Seats of one attendance mode, as shown on an event. */
export interface ModeSeats {
  seatsTaken: number;
  waitlistLength: number;
  /** General seats left, as seat_state decides (kept seats not counted while quotas hold); null = unlimited; absent = not read. */
  seatsLeft?: number | null;
}

/** A quota of an event with its kept seats taken (by people of that type). */
export interface QuotaSeats {
  organisationType: string;
  attendanceMode: 'onsite' | 'online';
  seats: number;
  taken: number;
  /** Kept seats still free for that type: 0 once released. */
  left: number;
}

export interface EventSeats {
  onsite: ModeSeats;
  online: ModeSeats;
  quotas: QuotaSeats[];
}

export const NO_SEATS_TAKEN: EventSeats = {
  onsite: { seatsTaken: 0, waitlistLength: 0 },
  online: { seatsTaken: 0, waitlistLength: 0 },
  quotas: [],
};
