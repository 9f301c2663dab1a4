import { rmSync } from 'node:fs';

/** Removes the run's temporary directory (database, saved sessions) unless asked to keep it. */
export default function globalTeardown(): void {
	const directory = process.env.DARI_E2E_DIR;
	if (!directory) return;
	if (process.env.DARI_E2E_KEEP) {
		console.log(`Kept the test data in ${directory}`);
		return;
	}
	rmSync(directory, { recursive: true, force: true });
}
