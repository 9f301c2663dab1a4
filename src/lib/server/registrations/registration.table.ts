/** Registrations of interest, reminders and personal links (issue 5 §5–6): tables filled in by that work. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RegistrationTables {}
