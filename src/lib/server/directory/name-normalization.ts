/**
 * Names compared as people mean them: "Issy-les-Moulineaux", "ISSY LES MOULINEAUX" (as the
 * reference minutes write it) and "issy les moulineaux" are one name. Accents, case, punctuation
 * and spacing are ignored; Hangul is kept as it is (NFC), so 중구 stays 중구.
 */
export function normalizeName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '') // combining accents (é → e)
		.normalize('NFC') // recompose Hangul syllables split by NFKD
		.toLowerCase()
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/ß/g, 'ss')
		.replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
		.trim();
}
