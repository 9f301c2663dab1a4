/** Date polls and theme consultations (issue 5 §3–4): tables filled in by that work. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PollTables {}
