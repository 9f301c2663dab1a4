import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../../src/lib/server/db/migrations/index';

describe('migrations', () => {
	it('lists every migration file once, and no two share a number', () => {
		const files = readdirSync('src/lib/server/db/migrations')
			.filter((file) => /^\d{4}-\d{2}-\d{2}-\d{4}-.+\.ts$/.test(file))
			.map((file) => file.replace(/\.ts$/, ''))
			.sort();
		expect(MIGRATION_NAMES).toEqual(files);
		const numbers = files.map((file) => file.slice(0, 15));
		expect(new Set(numbers).size).toBe(numbers.length);
	});
});
