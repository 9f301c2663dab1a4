/** A unique index refused a write, on either database (PostgreSQL 23505, SQLite's extended codes). */
export function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: string })?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
