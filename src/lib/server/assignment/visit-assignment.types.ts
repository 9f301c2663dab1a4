/**
 * The shapes of a visit-assignment instance and of its result (issue 6 §2, §4, §7), shared by the
 * solver, its validation, the command line and, later, the consolidation pages.
 */

/** A field visit: it takes place in one slot (a half-day or a time range) and has so many places. */
export interface Visit {
	id: string;
	/** Any label naming the slot; visits with the same label happen at the same time. */
	slot: string;
	capacity: number;
}

export interface Delegate {
	id: string;
	organisation: string;
	/** Visit ids, best first: the first has rank 1, the second rank 2… across all slots. */
	preferences: string[];
}

/** An assignment decided beforehand (the head of delegation at the institutional meeting…), kept as it is. */
export interface Lock {
	delegate: string;
	visit: string;
}

export interface VisitAssignmentInstance {
	visits: Visit[];
	delegates: Delegate[];
	locked?: Lock[];
}

export interface Assignment {
	delegate: string;
	visit: string;
	/** 1-based position of the visit in the delegate's preferences; null for a lock on a visit they did not rank. */
	rank: number | null;
	locked: boolean;
}

/** Why a delegate is left without a visit in a slot where they ranked one. */
export type UnassignedReason = 'all-ranked-visits-full';

export interface UnassignedPlace {
	delegate: string;
	slot: string;
	reason: UnassignedReason;
}

/** A visit the delegate ranked better than what they got in its slot (or in a slot where they got nothing), and why not. */
export type MissedVisit =
	| { visit: string; slot: string; rank: number; reason: 'full'; filled: number; capacity: number }
	| { visit: string; slot: string; rank: number; reason: 'locked-into-another-visit'; lockedVisit: string };

export interface DelegateExplanation {
	delegate: string;
	/** In preference order; empty when the delegate got their best choice in every slot they ranked. */
	missed: MissedVisit[];
}

export interface VisitFill {
	visit: string;
	slot: string;
	capacity: number;
	/** Places taken, locks included. */
	filled: number;
	/** Of which locked. */
	locked: number;
}

export interface AssignmentResult {
	/** Delegates in the instance's order, each one's visits in slot order (slots as they first appear among the visits). */
	assignments: Assignment[];
	/** Every (delegate, slot) where the delegate ranked at least one visit of the slot and got none. */
	unassigned: UnassignedPlace[];
	/** Number of assignments, locks included: the (delegate, slot) places filled. */
	filled: number;
	/** Sum of the ranks of the assignments (locks on unranked visits count 0). */
	rankSum: number;
	explanations: {
		/** Every delegate, in the instance's order. */
		delegates: DelegateExplanation[];
		/** Every visit, in the instance's order. */
		visits: VisitFill[];
	};
}

/** Something that makes an instance unsolvable as written, with the ids it concerns. */
export type InstanceProblem =
	| { code: 'duplicate-visit-id'; visit: string; message: string }
	| { code: 'duplicate-delegate-id'; delegate: string; message: string }
	| { code: 'invalid-capacity'; visit: string; capacity: number; message: string }
	| { code: 'unknown-visit-in-preferences'; delegate: string; visit: string; message: string }
	| { code: 'duplicate-preference'; delegate: string; visit: string; message: string }
	| { code: 'lock-of-unknown-delegate'; delegate: string; visit: string; message: string }
	| { code: 'lock-on-unknown-visit'; delegate: string; visit: string; message: string }
	| { code: 'duplicate-lock'; delegate: string; visit: string; message: string }
	| { code: 'locks-in-one-slot'; delegate: string; slot: string; visits: string[]; message: string }
	| { code: 'locks-exceed-capacity'; visit: string; locked: number; capacity: number; message: string };

export type AssignmentOutcome = { ok: true; result: AssignmentResult } | { ok: false; problems: InstanceProblem[] };
