/**
 * Minimum-cost maximum flow with integer capacities and non-negative integer costs, by the
 * primal-dual method: a Dijkstra search on reduced costs (Johnson potentials) finds the length of
 * the shortest augmenting path (Dial's buckets: distances are small whole numbers), then a blocking flow (Dinic) pushes as much flow as possible along
 * every path of that length at once before the next search. Each search is O(E + longest distance); the number
 * of searches is the number of distinct shortest-path lengths met while the flow grows, which is
 * small when costs are small (visit ranks: 1 to a few dozen), instead of one search per unit of
 * flow as plain successive shortest paths would do (thousands of delegates).
 *
 * Why this gives the optimum: every flow the method holds is a minimum-cost flow of its value
 * (augmenting along shortest paths keeps the residual graph free of negative cycles), and it stops
 * at the maximum flow. So the result is the cheapest among the maximum flows.
 *
 * Deterministic: no randomness and no iteration over hash order; arcs are scanned in the order
 * they were added, so the same network built in the same order always gives the same flow.
 */

export interface FlowResult {
	flow: number;
	cost: number;
}

export class FlowNetwork {
	readonly nodeCount: number;
	private tails: number[] = [];
	private heads: number[] = [];
	private capacities: number[] = [];
	private costs: number[] = [];
	/** Flow per edge, once solved. */
	private flows: Int32Array = new Int32Array(0);

	constructor(nodeCount: number) {
		this.nodeCount = nodeCount;
	}

	get edgeCount(): number {
		return this.tails.length;
	}

	/** Adds an edge and returns its number, for `flowOn`. */
	addEdge(from: number, to: number, capacity: number, cost: number): number {
		if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`capacity must be a non-negative integer, got ${capacity}`);
		if (!Number.isInteger(cost) || cost < 0) throw new RangeError(`cost must be a non-negative integer, got ${cost}`);
		this.tails.push(from);
		this.heads.push(to);
		this.capacities.push(capacity);
		this.costs.push(cost);
		return this.tails.length - 1;
	}

	/** The flow the solution sends along edge `edge` (0 before `solve`). */
	flowOn(edge: number): number {
		return this.flows[edge] ?? 0;
	}

	/** Sends as much flow as possible from `source` to `sink`, at the least total cost. */
	solve(source: number, sink: number): FlowResult {
		const nodes = this.nodeCount;
		const edges = this.tails.length;
		const arcs = 2 * edges;

		// Arcs stored by tail (compressed rows), each node's arcs in the order their edges were
		// added; `reverse` links an arc to its opposite, `edgeArc` an edge to its forward arc.
		const firstArc = new Int32Array(nodes + 1);
		for (let edge = 0; edge < edges; edge++) {
			firstArc[this.tails[edge] + 1]++;
			firstArc[this.heads[edge] + 1]++;
		}
		for (let node = 0; node < nodes; node++) firstArc[node + 1] += firstArc[node];
		const arcHead = new Int32Array(arcs);
		const arcCost = new Float64Array(arcs);
		const residual = new Int32Array(arcs);
		const reverse = new Int32Array(arcs);
		const edgeArc = new Int32Array(edges);
		const fillAt = firstArc.slice(0, nodes);
		for (let edge = 0; edge < edges; edge++) {
			const forward = fillAt[this.tails[edge]]++;
			const backward = fillAt[this.heads[edge]]++;
			arcHead[forward] = this.heads[edge];
			arcHead[backward] = this.tails[edge];
			arcCost[forward] = this.costs[edge];
			arcCost[backward] = -this.costs[edge];
			residual[forward] = this.capacities[edge];
			reverse[forward] = backward;
			reverse[backward] = forward;
			edgeArc[edge] = forward;
		}

		const potential = new Float64Array(nodes);
		const distance = new Float64Array(nodes);
		const settled = new Uint8Array(nodes);
		const queue = new BucketQueue(nodes, arcs + nodes);
		const level = new Int32Array(nodes);
		const order = new Int32Array(nodes);
		const currentArc = new Int32Array(nodes);

		let totalFlow = 0;
		let totalCost = 0;

		/**
		 * Dijkstra on reduced costs cost + π(tail) − π(head), which stay ≥ 0 (all costs start ≥ 0).
		 * It stops once the sink is settled: farther nodes get the sink's distance, which is all
		 * the potential update needs.
		 */
		function shortestDistances(): boolean {
			distance.fill(Infinity);
			settled.fill(0);
			distance[source] = 0;
			queue.clear();
			queue.push(0, source);
			while (queue.size > 0) {
				const node = queue.pop();
				if (settled[node]) continue;
				settled[node] = 1;
				if (node === sink) break;
				const base = distance[node] + potential[node];
				for (let arc = firstArc[node], end = firstArc[node + 1]; arc < end; arc++) {
					if (residual[arc] === 0) continue;
					const head = arcHead[arc];
					if (settled[head]) continue;
					const candidate = base + arcCost[arc] - potential[head];
					if (candidate < distance[head]) {
						distance[head] = candidate;
						queue.push(candidate, head);
					}
				}
			}
			return settled[sink] === 1;
		}

		// Levels over admissible arcs (residual, reduced cost 0), up to the sink's, for a blocking flow.
		function levelAdmissibleArcs(): boolean {
			level.fill(-1);
			level[source] = 0;
			let head = 0;
			let tail = 0;
			order[tail++] = source;
			while (head < tail) {
				const node = order[head++];
				if (level[sink] !== -1 && level[node] >= level[sink]) break;
				for (let arc = firstArc[node], end = firstArc[node + 1]; arc < end; arc++) {
					const next = arcHead[arc];
					if (residual[arc] === 0 || level[next] !== -1) continue;
					if (arcCost[arc] + potential[node] - potential[next] !== 0) continue;
					level[next] = level[node] + 1;
					order[tail++] = next;
				}
			}
			return level[sink] !== -1;
		}

		function push(node: number, limit: number): number {
			if (node === sink) return limit;
			for (let end = firstArc[node + 1]; currentArc[node] < end; currentArc[node]++) {
				const arc = currentArc[node];
				const next = arcHead[arc];
				if (residual[arc] === 0 || level[next] !== level[node] + 1) continue;
				if (arcCost[arc] + potential[node] - potential[next] !== 0) continue;
				const pushed = push(next, Math.min(limit, residual[arc]));
				if (pushed > 0) {
					residual[arc] -= pushed;
					residual[reverse[arc]] += pushed;
					return pushed;
				}
			}
			return 0;
		}

		while (shortestDistances()) {
			const sinkDistance = distance[sink];
			// Capping at the sink's distance keeps every residual reduced cost ≥ 0 for nodes beyond it.
			for (let node = 0; node < nodes; node++) potential[node] += Math.min(distance[node], sinkDistance);
			const pathCost = potential[sink] - potential[source];
			while (levelAdmissibleArcs()) {
				currentArc.set(firstArc.subarray(0, nodes));
				for (;;) {
					const pushed = push(source, Infinity);
					if (pushed === 0) break;
					totalFlow += pushed;
					totalCost += pushed * pathCost;
				}
			}
		}
		this.flows = Int32Array.from(edgeArc, (arc) => residual[reverse[arc]]);
		return { flow: totalFlow, cost: totalCost };
	}
}

/**
 * Dial's bucket queue: distances here are small whole numbers (sums of rank differences), so a
 * bucket per distance beats a binary heap. Entries are never removed early: a node may appear
 * in several buckets and the caller skips the ones already settled. Within a bucket, last in,
 * first out, which is deterministic.
 */
class BucketQueue {
	private bucketHead: Int32Array;
	private entryNode: Int32Array;
	private entryNext: Int32Array;
	private entries = 0;
	private current = 0;
	size = 0;

	constructor(initialBuckets: number, initialEntries: number) {
		this.bucketHead = new Int32Array(Math.max(16, initialBuckets)).fill(-1);
		this.entryNode = new Int32Array(Math.max(16, initialEntries));
		this.entryNext = new Int32Array(Math.max(16, initialEntries));
	}

	clear(): void {
		this.bucketHead.fill(-1);
		this.entries = 0;
		this.current = 0;
		this.size = 0;
	}

	push(key: number, node: number): void {
		if (key >= this.bucketHead.length) {
			const grown = new Int32Array(Math.max(key + 1, 2 * this.bucketHead.length)).fill(-1);
			grown.set(this.bucketHead);
			this.bucketHead = grown;
		}
		if (this.entries === this.entryNode.length) {
			const nodes = new Int32Array(2 * this.entries);
			nodes.set(this.entryNode);
			this.entryNode = nodes;
			const next = new Int32Array(2 * this.entries);
			next.set(this.entryNext);
			this.entryNext = next;
		}
		const entry = this.entries++;
		this.entryNode[entry] = node;
		this.entryNext[entry] = this.bucketHead[key];
		this.bucketHead[key] = entry;
		if (key < this.current) this.current = key;
		this.size++;
	}

	pop(): number {
		while (this.bucketHead[this.current] === -1) this.current++;
		const entry = this.bucketHead[this.current];
		this.bucketHead[this.current] = this.entryNext[entry];
		this.size--;
		return this.entryNode[entry];
	}
}
