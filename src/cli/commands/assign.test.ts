/**
 * `dari assign`, run as the operator (or another tool) runs it: the real script in a child process
 * (see dari.test.ts), instance files in a temporary directory. No database is involved.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { generateInstance } from '../../lib/server/assignment/instance-generator';
import { assignVisits } from '../../lib/server/assignment/visit-assignment';
import type { VisitAssignmentInstance } from '../../lib/server/assignment/visit-assignment.types';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD_PROCESS_TIMEOUT = 120_000;
const directory = mkdtempSync(join(tmpdir(), 'dari-assign-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Outcome {
	code: number | null;
	stdout: string;
	stderr: string;
}

function dari(args: string[], input = ''): Promise<Outcome> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/dari.ts', ...args], {
			cwd: ROOT,
			// A data directory that does not exist: assign must not need one.
			env: { ...process.env, DATA_DIR: join(directory, 'no-data'), DATABASE_URL: '', DARI_DEBUG: '', INIT_CWD: directory },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
		child.stdin.end(input);
	});
}

let fileNumber = 0;
function instanceFile(content: string | VisitAssignmentInstance): string {
	const name = `instance-${++fileNumber}.json`;
	writeFileSync(join(directory, name), typeof content === 'string' ? content : JSON.stringify(content));
	return name;
}

const valid = (): VisitAssignmentInstance => ({
	visits: [
		{ id: 'ai-centre', slot: 'tue-am', capacity: 1 },
		{ id: 'port', slot: 'tue-am', capacity: 1 },
		{ id: 'farm', slot: 'wed-am', capacity: 1 }
	],
	delegates: [
		{ id: 'caroline', organisation: 'Suippes', preferences: ['ai-centre', 'farm'] },
		{ id: 'joon-ho', organisation: 'Guro-gu', preferences: ['ai-centre', 'port', 'farm'] }
	],
	locked: [{ delegate: 'joon-ho', visit: 'farm' }]
});

describe.concurrent('dari assign', { timeout: CHILD_PROCESS_TIMEOUT }, () => {
	test('prints the optimal assignment as JSON (file relative to where the command was typed), and reads standard input with -', async () => {
		const [fromFile, fromInput] = await Promise.all([dari(['assign', instanceFile(valid())]), dari(['assign', '-'], JSON.stringify(valid()))]);
		expect(fromFile.stderr).toBe('');
		expect(fromFile.code).toBe(0);
		expect(JSON.parse(fromFile.stdout)).toEqual({
			assignments: [
				{ delegate: 'caroline', visit: 'ai-centre', rank: 1 },
				{ delegate: 'joon-ho', visit: 'port', rank: 2 },
				{ delegate: 'joon-ho', visit: 'farm', rank: 3 }
			],
			unassigned: [{ delegate: 'caroline', slot: 'wed-am', reason: 'all-ranked-visits-full' }],
			filled: 3,
			rankSum: 6
		});
		expect(fromInput).toEqual(fromFile);
	});

	test('a generated instance of 500 delegates gives what the solver gives, locks without a rank as null', async () => {
		const instance = generateInstance({ delegates: 500, visits: 24, slots: 2, lockedShare: 0.1, seed: 5 });
		const outcome = await dari(['assign', instanceFile(instance)]);
		expect(outcome.code).toBe(0);
		const expected = assignVisits(instance);
		if (!expected.ok) throw new Error('the generated instance is valid');
		const printed = JSON.parse(outcome.stdout);
		expect(printed.assignments).toEqual(expected.result.assignments.map(({ delegate, visit, rank }) => ({ delegate, visit, rank })));
		expect(printed.assignments.some((assignment: { rank: number | null }) => assignment.rank === null)).toBe(true);
		expect(printed).toMatchObject({ filled: expected.result.filled, rankSum: expected.result.rankSum, unassigned: expected.result.unassigned });
	});

	const spoiled = (spoil: (instance: VisitAssignmentInstance) => void) => {
		const instance = valid();
		spoil(instance);
		return instance;
	};
	test.each([
		['no file named', null, /^dari assign: missing <instance\.json>$/],
		['a file that does not exist', { path: 'missing.json' }, /^dari assign: cannot read missing\.json: no such file$/],
		['a file that is not JSON', '{"visits": [', /^dari assign: instance-\d+\.json is not valid JSON: /],
		['JSON of another shape', '{"visits": [{"id": "v", "slot": "s", "capacity": "3"}], "delegates": []}', /is not a visit-assignment instance: visits\[0\]\.capacity: expected number, received string$/],
		['an unknown visit in preferences', spoiled((i) => i.delegates[0].preferences.push('museum')), /is not a valid instance: delegate "caroline" ranks visit "museum", which is not among the visits$/],
		['a negative capacity', spoiled((i) => (i.visits[2].capacity = -1)), /is not a valid instance: visit "farm" has capacity -1/],
		['a delegate locked into a full visit', spoiled((i) => i.locked!.push({ delegate: 'caroline', visit: 'farm' })), /visit "farm" has 1 places but 2 delegates are locked into it$/],
		['duplicate ids', spoiled((i) => i.delegates.push({ id: 'caroline', organisation: 'Suippes', preferences: [] })), /delegate id "caroline" is used by more than one delegate$/],
		['a lock on an unknown visit', spoiled((i) => (i.locked = [{ delegate: 'caroline', visit: 'museum' }])), /visit "museum", which is not among the visits$/]
	] as [string, null | { path: string } | string | VisitAssignmentInstance, RegExp][])('%s: the problem named on standard error, nothing on standard output, exit status 2', async (_, input, message) => {
		// null: no argument; { path }: that path as it is; otherwise the content of a new file.
		const args = input === null ? ['assign'] : ['assign', typeof input === 'object' && 'path' in input ? input.path : instanceFile(input)];
		const outcome = await dari(args);
		expect(outcome.code).toBe(2);
		expect(outcome.stdout).toBe('');
		const lines = outcome.stderr.trimEnd().split('\n');
		expect(lines[0]).toMatch(message);
		expect(lines[1]).toMatch(/assign --help/);
		expect(outcome.stderr).not.toMatch(/^\s+at /m);
	});
});
