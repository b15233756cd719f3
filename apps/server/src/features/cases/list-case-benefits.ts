import { businessCaseBenefitLines, type Executor } from '@tandem/db';

/**
 * The likely benefits of the business cases linked to initiatives (current versions): the value
 * module takes an initiative's plan from here when it has a case.
 */
export function caseBenefitLines(x: Executor, orgId: string) {
  return businessCaseBenefitLines(x, orgId);
}

/** Initiatives whose plan comes from a business case (at least one benefit line). */
export async function businessCaseInitiatives(x: Executor, orgId: string): Promise<Set<string>> {
  return new Set((await businessCaseBenefitLines(x, orgId)).map((l) => l.initiativeId));
}
