import type { caseListEn } from './case-list.en';

export const caseListRu: Record<keyof typeof caseListEn, string> = {};
