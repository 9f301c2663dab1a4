/**
 * One slot's assignment as a transportation problem: delegates (one place each) on one side,
 * visits (so many places) on the other, an arc for each visit a delegate ranked, costing its rank.
 * Solved exactly as a minimum-cost maximum flow (source → delegates → visits → sink) by the
 * primal-dual method, specialised to this bipartite shape:
 *
 * - a Dijkstra search on reduced costs (Johnson potentials keep them ≥ 0; Dial's buckets, since
 *   costs are small whole numbers) gives the length of the shortest augmenting path;
 * - then depth-first sweeps push flow along every path of exactly that length (arcs of reduced
 *   cost 0), from each delegate still without a visit, until a whole sweep finds none; then the
 *   next search. A sweep skips the visits it already found to lead nowhere.
 *
 * A path starts at a delegate without a visit, goes to a visit they ranked, and, while that visit
 * is full, continues through one of its delegates to another visit that delegate ranked, until a
 * visit with a free place. So a visit's outgoing arcs are its current delegates only: each visit
 * keeps the list of its delegates, and the searches never scan the (many) delegates who ranked a
 * visit without being in it, which is what makes this several times faster than the same method
 * on a general graph.
 *
 * Why this gives the optimum: each flow the method holds is a minimum-cost flow of its value
 * (augmenting along shortest paths keeps the residual graph free of negative cycles), and it stops
 * at the maximum flow: the cheapest among the maximum flows.
 *
 * Deterministic: no randomness, no hash order; delegates, their arcs and each visit's list are
 * scanned in an order that depends only on the input.
 */

export interface TransportationProblem {
	delegateCount: number;
	visitCount: number;
	/** Delegate d's arcs are arcStart[d] … arcStart[d + 1] − 1, in the order to try them. */
	arcStart: Int32Array;
	/** The visit (0 … visitCount − 1) of each arc. */
	arcVisit: Int32Array;
	/** The cost (rank, ≥ 0) of each arc. */
	arcCost: Int32Array;
	/** Places of each visit. */
	capacity: Int32Array;
}

const NONE = -1;

/** Returns, for each delegate, the arc chosen for them, or −1. */
export function solveTransportation(problem: TransportationProblem): Int32Array {
	const { delegateCount, visitCount, arcStart, arcVisit, arcCost, capacity } = problem;

	const chosenArc = new Int32Array(delegateCount).fill(NONE);
	const visitOf = new Int32Array(delegateCount).fill(NONE);
	// Each visit's delegates: members[memberStart[v] … memberStart[v] + load[v] − 1]; position
	// of each delegate in it, for removal in constant time.
	const memberStart = new Int32Array(visitCount + 1);
	for (let visit = 0; visit < visitCount; visit++) memberStart[visit + 1] = memberStart[visit] + capacity[visit];
	const members = new Int32Array(memberStart[visitCount]);
	const load = new Int32Array(visitCount);
	const memberPosition = new Int32Array(delegateCount);

	// Potentials: delegates, visits, and the sink; the source's stays 0.
	const delegatePotential = new Float64Array(delegateCount);
	const visitPotential = new Float64Array(visitCount);
	let sinkPotential = 0;

	const delegateDistance = new Float64Array(delegateCount);
	const visitDistance = new Float64Array(visitCount);
	const delegateSettled = new Uint8Array(delegateCount);
	const visitSettled = new Uint8Array(visitCount);
	const queue = new BucketQueue(delegateCount + visitCount + 1);
	// Queue entries: delegates as d, visits as delegateCount + v, the sink as delegateCount + visitCount.
	const sinkEntry = delegateCount + visitCount;

	let unassigned = delegateCount;

	/** Dijkstra from the source; false when no augmenting path is left. */
	function searchShortestPaths(): boolean {
		delegateDistance.fill(Infinity);
		visitDistance.fill(Infinity);
		delegateSettled.fill(0);
		visitSettled.fill(0);
		let sinkDistance = Infinity;
		queue.clear();
		for (let delegate = 0; delegate < delegateCount; delegate++) {
			if (visitOf[delegate] !== NONE) continue;
			const distance = -delegatePotential[delegate];
			delegateDistance[delegate] = distance;
			queue.push(distance, delegate);
		}
		while (queue.size > 0) {
			const entry = queue.pop();
			if (entry === sinkEntry) break;
			if (entry < delegateCount) {
				const delegate = entry;
				if (delegateSettled[delegate]) continue;
				delegateSettled[delegate] = 1;
				const base = delegateDistance[delegate] + delegatePotential[delegate];
				const current = visitOf[delegate];
				for (let arc = arcStart[delegate], end = arcStart[delegate + 1]; arc < end; arc++) {
					const visit = arcVisit[arc];
					if (visit === current || visitSettled[visit]) continue;
					const candidate = base + arcCost[arc] - visitPotential[visit];
					if (candidate < visitDistance[visit]) {
						visitDistance[visit] = candidate;
						queue.push(candidate, delegateCount + visit);
					}
				}
			} else {
				const visit = entry - delegateCount;
				if (visitSettled[visit]) continue;
				visitSettled[visit] = 1;
				const base = visitDistance[visit] + visitPotential[visit];
				if (load[visit] < capacity[visit]) {
					const candidate = base - sinkPotential;
					if (candidate < sinkDistance) {
						sinkDistance = candidate;
						queue.push(candidate, sinkEntry);
					}
				}
				for (let index = memberStart[visit], end = memberStart[visit] + load[visit]; index < end; index++) {
					const delegate = members[index];
					if (delegateSettled[delegate]) continue;
					const candidate = base - arcCost[chosenArc[delegate]] - delegatePotential[delegate];
					if (candidate < delegateDistance[delegate]) {
						delegateDistance[delegate] = candidate;
						queue.push(candidate, delegate);
					}
				}
			}
		}
		if (sinkDistance === Infinity) return false;
		// Capping at the sink's distance keeps every residual reduced cost ≥ 0 beyond it.
		for (let delegate = 0; delegate < delegateCount; delegate++) delegatePotential[delegate] += Math.min(delegateDistance[delegate], sinkDistance);
		for (let visit = 0; visit < visitCount; visit++) visitPotential[visit] += Math.min(visitDistance[visit], sinkDistance);
		sinkPotential += sinkDistance;
		return true;
	}

	// Sweep marks: a visit is dead once explored without success in this sweep, or on the current
	// path; a delegate, once explored without success (the graph only changes on a success, and a
	// path missed in this sweep is found by the next).
	const visitMark = new Int32Array(visitCount);
	const delegateMark = new Int32Array(delegateCount);
	let sweep = 0;
	const ON_PATH = -1;

	/** Moves `delegate` to `visit` by arc `arc` (leaving their current visit, if any). */
	function place(delegate: number, arc: number, visit: number): void {
		const previous = visitOf[delegate];
		if (previous !== NONE) {
			const last = memberStart[previous] + --load[previous];
			const moved = members[last];
			members[memberPosition[delegate]] = moved;
			memberPosition[moved] = memberPosition[delegate];
		}
		const position = memberStart[visit] + load[visit]++;
		members[position] = delegate;
		memberPosition[delegate] = position;
		visitOf[delegate] = visit;
		chosenArc[delegate] = arc;
	}

	// The current path of a depth-first search, level by level: a delegate, the arc it tries
	// (and the next one to try), and the visit that arc leads to with the next member to try.
	// Iterative, not recursive: a path may pass through every visit of the slot, deeper than the
	// call stack allows when there are thousands.
	const pathDelegate = new Int32Array(visitCount + 1);
	const pathNextArc = new Int32Array(visitCount + 1);
	const pathArc = new Int32Array(visitCount + 1);
	const pathVisit = new Int32Array(visitCount + 1);
	const pathNextMember = new Int32Array(visitCount + 1);

	/**
	 * From a delegate without a visit, an admissible path to a free place: to a visit they ranked,
	 * and while it is full, through one of its delegates to another visit. On success, everyone on
	 * the path moves one step (the last visit gains a delegate).
	 */
	function augmentFrom(root: number): boolean {
		if (delegateMark[root] === sweep) return false;
		let top = 0;
		pathDelegate[0] = root;
		pathNextArc[0] = arcStart[root];
		for (;;) {
			// The delegate at `top` tries its next admissible arc.
			const delegate = pathDelegate[top];
			const base = delegatePotential[delegate];
			const current = visitOf[delegate];
			let entered = NONE;
			for (let arc = pathNextArc[top], end = arcStart[delegate + 1]; arc < end; arc++) {
				const visit = arcVisit[arc];
				if (visit === current || visitMark[visit] === sweep || visitMark[visit] === ON_PATH) continue;
				if (base + arcCost[arc] !== visitPotential[visit]) continue;
				pathNextArc[top] = arc + 1;
				pathArc[top] = arc;
				if (load[visit] < capacity[visit] && visitPotential[visit] === sinkPotential) {
					// A free place: everyone on the path moves, the deepest first.
					for (let level = top; level >= 0; level--) {
						const target = arcVisit[pathArc[level]];
						if (level < top) visitMark[target] = 0;
						place(pathDelegate[level], pathArc[level], target);
					}
					return true;
				}
				entered = visit;
				break;
			}
			if (entered === NONE) {
				delegateMark[delegate] = sweep;
				if (top === 0) return false;
				top--; // back to the visit this delegate was reached from, to try its next member
			} else {
				visitMark[entered] = ON_PATH;
				pathVisit[top] = entered;
				pathNextMember[top] = memberStart[entered];
			}
			// The visit at `top` tries its next delegate with an admissible way back out.
			const visit = pathVisit[top];
			const potential = visitPotential[visit];
			let next = NONE;
			for (let index = pathNextMember[top], end = memberStart[visit] + load[visit]; index < end; index++) {
				const member = members[index];
				if (delegateMark[member] === sweep) continue;
				if (potential - arcCost[chosenArc[member]] !== delegatePotential[member]) continue;
				pathNextMember[top] = index + 1;
				next = member;
				break;
			}
			if (next === NONE) {
				visitMark[visit] = sweep; // leads nowhere in this sweep; the delegate at `top` tries its next arc
			} else {
				top++;
				pathDelegate[top] = next;
				pathNextArc[top] = arcStart[next];
			}
		}
	}

	while (unassigned > 0 && searchShortestPaths()) {
		for (;;) {
			sweep++;
			let found = 0;
			for (let delegate = 0; delegate < delegateCount; delegate++) {
				if (visitOf[delegate] !== NONE || delegatePotential[delegate] !== 0) continue;
				if (augmentFrom(delegate)) found++;
			}
			unassigned -= found;
			if (found === 0) break;
		}
	}
	return chosenArc;
}

/**
 * Dial's bucket queue: keys are small whole numbers here (sums of rank differences), so a bucket
 * per key beats a binary heap. Entries are never removed early: the caller skips settled ones.
 * Within a bucket, last in first out, which is deterministic.
 */
class BucketQueue {
	private bucketHead = new Int32Array(64).fill(-1);
	private entryValue: Int32Array;
	private entryNext: Int32Array;
	private entries = 0;
	private current = 0;
	private offset = 0;
	size = 0;

	constructor(initialEntries: number) {
		this.entryValue = new Int32Array(Math.max(16, 4 * initialEntries));
		this.entryNext = new Int32Array(Math.max(16, 4 * initialEntries));
	}

	clear(): void {
		this.bucketHead.fill(-1);
		this.entries = 0;
		this.current = Infinity;
		this.offset = NaN;
		this.size = 0;
	}

	push(key: number, value: number): void {
		// Keys may start below zero (reduced distances of the sources): buckets count from the first key seen.
		if (Number.isNaN(this.offset)) this.offset = key;
		let bucket = key - this.offset;
		if (bucket < 0) {
			this.rebase(bucket);
			bucket = 0;
		}
		if (bucket >= this.bucketHead.length) {
			const grown = new Int32Array(Math.max(bucket + 1, 2 * this.bucketHead.length)).fill(-1);
			grown.set(this.bucketHead);
			this.bucketHead = grown;
		}
		if (this.entries === this.entryValue.length) {
			const values = new Int32Array(2 * this.entries);
			values.set(this.entryValue);
			this.entryValue = values;
			const next = new Int32Array(2 * this.entries);
			next.set(this.entryNext);
			this.entryNext = next;
		}
		const entry = this.entries++;
		this.entryValue[entry] = value;
		this.entryNext[entry] = this.bucketHead[bucket];
		this.bucketHead[bucket] = entry;
		if (bucket < this.current) this.current = bucket;
		this.size++;
	}

	pop(): number {
		while (this.bucketHead[this.current] === -1) this.current++;
		const entry = this.bucketHead[this.current];
		this.bucketHead[this.current] = this.entryNext[entry];
		this.size--;
		return this.entryValue[entry];
	}

	/** A key below the first bucket: shift every bucket up. */
	private rebase(bucket: number): void {
		const shift = -bucket;
		const grown = new Int32Array(this.bucketHead.length + shift).fill(-1);
		grown.set(this.bucketHead, shift);
		this.bucketHead = grown;
		this.offset -= shift;
		if (this.current !== Infinity) this.current += shift;
	}
}
