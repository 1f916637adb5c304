import type { Migration } from '../types';
import { envelope001 } from './001-envelope';
import { neutralRuleNames002 } from './002-neutral-rule-names';
import { researchRecords003 } from './003-research-records';

/**
 * Every migration of the data folder, in version order. To change the shape of stored data:
 * add `NNN-what.ts` exporting a Migration with the next version, append it here, and add one
 * unit test for it as test/unit/store/migrations/NNN-what.test.ts. The app's schema version is the last one.
 */
export const storeMigrations: readonly Migration[] = [envelope001, neutralRuleNames002, researchRecords003];

export const STORE_SCHEMA_VERSION: number = storeMigrations.length;
