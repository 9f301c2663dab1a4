/** Programme consolidation (issue 6): the assignment of delegates (people) to a forum's field visits. */

/** The optional rules a coordinator can switch on (issue 6 §3). */
export interface ConsolidationOptions {
	keepDelegationsTogether: boolean;
	firstChoicePerOrganisation: boolean;
	balanceFill: boolean;
}

export const ASSIGNMENT_SOURCES = ['computed', 'lock', 'move', 'waiting-list'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

/** The last computation of a forum's assignment. */
export interface VisitAssignmentRunTable {
	forum_id: string;
	computed_at: string;
	computed_by_user_id: string | null;
	/** JSON of ConsolidationOptions. */
	options: string;
	/** Places filled and rank sum after the computation and every move since. */
	filled: number;
	rank_sum: number;
	published_at: string | null;
	updated_at: string;
}

/** One delegate on one field visit. Locked rows (locks decided beforehand, moves by hand) survive a new computation. */
export interface VisitAssignmentTable {
	forum_id: string;
	person_id: string;
	programme_item_id: string;
	/** Position in the delegate's preferences (1 = first choice); null for a lock on a visit they did not rank. */
	rank: number | null;
	/** 1 for a lock or a move, 0 for a computed row. */
	locked: number;
	lock_reason: string | null;
	source: AssignmentSource;
	created_at: string;
}

export interface ConsolidationTables {
	visit_assignment_run: VisitAssignmentRunTable;
	visit_assignment: VisitAssignmentTable;
}
