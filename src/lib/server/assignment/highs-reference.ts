/**
 * The same visit-assignment instance written as a mixed-integer programme and solved by HiGHS
 * (the `highs` package, a devDependency): the independent reference our own solver is checked
 * against in the tests and timed against in the benchmark. Never used by the application.
 *
 *   variables   x[d,v] ∈ {0,1} for every visit v ranked by delegate d (and every lock, fixed to 1)
 *   constraints Σ_{v in slot s} x[d,v] ≤ 1  for each delegate d and slot s
 *               Σ_d x[d,v] ≤ capacity(v)    for each visit v
 *   objective   maximise Σ (M − rank(d,v)) · x[d,v]  with M = 1 + the largest possible rank sum,
 *               so that one more place filled outweighs any rank saving: lexicographic, exactly.
 *
 * Filled places and rank sum are recomputed from the rounded x, not read from the objective.
 */
import type { Highs } from 'highs';
import type { VisitAssignmentInstance } from './visit-assignment.types';

export interface HighsSolution {
	/** HiGHS's model status: 'optimal', or what stopped it (e.g. 'timeLimit'). */
	status: string;
	optimal: boolean;
	filled: number;
	rankSum: number;
	assignments: { delegate: string; visit: string }[];
	/** CPU time of HiGHS's own run (model building in JavaScript left out), in milliseconds. */
	milliseconds: number;
	/** Variables HiGHS left strictly between 0 and 1 (only possible with `relaxation`). */
	fractional: number;
}

let runtime: Promise<Highs> | undefined;

/** The HiGHS WebAssembly runtime, loaded once per process. */
export async function loadHighsRuntime(): Promise<Highs> {
	runtime ??= import('highs').then((module) => module.default());
	return runtime;
}

/**
 * Solves `instance` (assumed valid) with HiGHS; `timeLimitSeconds` stops it early (then not
 * optimal). With `relaxation`, the x are continuous in [0, 1]: the constraint matrix is that of a
 * bipartite graph (each x in one delegate-slot row and one visit row), totally unimodular, so the
 * simplex method's optimal vertex is whole anyway (checked: `fractional` counts exceptions).
 */
export function solveWithHighs(
	highs: Highs,
	instance: VisitAssignmentInstance,
	options: { timeLimitSeconds?: number; relaxation?: boolean } = {}
): HighsSolution {
	const visitIndex = new Map(instance.visits.map((visit, index) => [visit.id, index]));
	const slotOf = instance.visits.map((visit) => visit.slot);

	// Columns: one per (delegate, visit) pair that may be chosen.
	const columns: { delegate: number; visit: number; rank: number; locked: boolean }[] = [];
	const lockedVisits = new Map<string, Set<string>>();
	for (const lock of instance.locked ?? []) {
		const set = lockedVisits.get(lock.delegate) ?? new Set<string>();
		set.add(lock.visit);
		lockedVisits.set(lock.delegate, set);
	}
	let largestRankSum = 0;
	instance.delegates.forEach((delegate, delegateNumber) => {
		const locks = lockedVisits.get(delegate.id) ?? new Set<string>();
		const worstPerSlot = new Map<string, number>();
		delegate.preferences.forEach((visitId, position) => {
			const visit = visitIndex.get(visitId)!;
			columns.push({ delegate: delegateNumber, visit, rank: position + 1, locked: locks.has(visitId) });
			worstPerSlot.set(slotOf[visit], position + 1);
		});
		for (const visitId of locks) {
			if (!delegate.preferences.includes(visitId)) columns.push({ delegate: delegateNumber, visit: visitIndex.get(visitId)!, rank: 0, locked: true });
		}
		for (const worst of worstPerSlot.values()) largestRankSum += worst;
	});
	const weight = largestRankSum + 1;

	// Rows: (delegate, slot) pairs first, then visits.
	const delegateSlotRow = new Map<string, number>();
	const columnRows: [number, number][] = columns.map((column) => {
		const key = `${column.delegate}\u0000${slotOf[column.visit]}`;
		let row = delegateSlotRow.get(key);
		if (row === undefined) {
			row = delegateSlotRow.size;
			delegateSlotRow.set(key, row);
		}
		return [row, column.visit];
	});
	const pairRows = delegateSlotRow.size;
	const numRows = pairRows + instance.visits.length;
	const starts = new Int32Array(columns.length + 1);
	const indices = new Int32Array(2 * columns.length);
	const values = new Float64Array(2 * columns.length).fill(1);
	columnRows.forEach(([pairRow, visit], column) => {
		indices[2 * column] = pairRow;
		indices[2 * column + 1] = pairRows + visit;
		starts[column + 1] = 2 * column + 2;
	});
	const rowLower = new Float64Array(numRows).fill(-highs.infinity);
	const rowUpper = new Float64Array(numRows);
	rowUpper.fill(1, 0, pairRows);
	instance.visits.forEach((visit, index) => (rowUpper[pairRows + index] = visit.capacity));

	const model = highs.createModel({
		numCols: columns.length,
		numRows,
		sense: highs.constants.objectiveSense.maximize,
		colCost: Float64Array.from(columns, (column) => weight - column.rank),
		colLower: Float64Array.from(columns, (column) => (column.locked ? 1 : 0)),
		colUpper: new Float64Array(columns.length).fill(1),
		rowLower,
		rowUpper,
		matrix: { format: 'csc', numRows, numCols: columns.length, starts, indices, values },
		integrality: new Int32Array(columns.length).fill(options.relaxation ? highs.constants.variableType.continuous : highs.constants.variableType.integer)
	});
	try {
		// An exact optimum, not one within the default 0.01 % gap.
		model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 });
		if (options.relaxation) model.options.set({ solver: 'simplex' });
		if (options.timeLimitSeconds !== undefined) model.options.set({ time_limit: options.timeLimitSeconds });
		const started = process.cpuUsage();
		model.run();
		const used = process.cpuUsage(started);
		const milliseconds = (used.user + used.system) / 1000;
		const statusCode = model.getModelStatus();
		const status = Object.entries(highs.constants.modelStatus).find(([, code]) => code === statusCode)?.[0] ?? String(statusCode);
		const optimal = statusCode === highs.constants.modelStatus.optimal;
		const chosen = model.getSolution().colValue;
		let filled = 0;
		let rankSum = 0;
		let fractional = 0;
		const assignments: HighsSolution['assignments'] = [];
		columns.forEach((column, index) => {
			if (chosen[index] > 1e-6 && chosen[index] < 1 - 1e-6) fractional++;
			if (chosen[index] < 0.5) return;
			filled++;
			rankSum += column.rank;
			assignments.push({ delegate: instance.delegates[column.delegate].id, visit: instance.visits[column.visit].id });
		});
		return { status, optimal, filled, rankSum, assignments, milliseconds, fractional };
	} finally {
		model.dispose();
	}
}
