/** What the consolidation forms send (issue 6 §2, §3, §5), read with zod. */
import { z } from 'zod';

const checkbox = z.string().optional().transform((value) => value === 'on' || value === '1' || value === 'true');

/** "Compute": the optional rules switched on. */
export const computeInputSchema = z.object({
	keepDelegationsTogether: checkbox,
	firstChoicePerOrganisation: checkbox,
	balanceFill: checkbox
});

/** A lock or a move: a delegate (person) onto a visit, with a reason (required for a lock). */
export const placementInputSchema = z.object({
	personId: z.string({ error: 'required' }).trim().min(1, 'required'),
	visitId: z.string({ error: 'required' }).trim().min(1, 'required'),
	reason: z.string().trim().max(300, 'too_long').optional().default('')
});

export const lockInputSchema = placementInputSchema.refine((input) => input.reason.length > 0, { message: 'required', path: ['reason'] });

export const unlockInputSchema = z.object({ personId: z.string().min(1), visitId: z.string().min(1) });

export type PlacementInput = z.output<typeof placementInputSchema>;
