import type { casesEn } from './cases.en';

export const casesRu: Record<keyof typeof casesEn, string> = {};
