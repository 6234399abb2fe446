/** Seats of one attendance mode, as shown on an event. */
export interface ModeSeats {
  seatsTaken: number;
  waitlistLength: number;
}

export interface EventSeats {
  onsite: ModeSeats;
  online: ModeSeats;
}

export const NO_SEATS_TAKEN: EventSeats = {
  onsite: { seatsTaken: 0, waitlistLength: 0 },
  online: { seatsTaken: 0, waitlistLength: 0 },
};
