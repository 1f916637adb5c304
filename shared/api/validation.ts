import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { ApiError, type ApiIssue } from './errors';
import { textIssues } from './text-hygiene';

// Default zod messages in Chinese; schemas still give field-specific messages where it matters.
z.config(zhCN());

export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** One Chinese sentence naming each offending field. */
export function describeIssues(issues: ApiIssue[]): string {
  // Our schemas' messages name the field in Chinese; zod's generic ones do not, so give those the path.
  const generic = (m: string) => m.startsWith('无效') || m.includes('期望') || !/[\u4e00-\u9fff]/.test(m);
  return issues.map((i) => (i.path && generic(i.message) ? `${i.path}：${i.message}` : i.message)).join('；');
}

/** Parses or throws an ApiError('invalid_args') whose message names what is wrong. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = '参数'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new ApiError('invalid_args', `${what}无效：${describeIssues(issues)}`, issues);
}

/**
 * A call's arguments: the schema, then the text hygiene every string argument gets (lone
 * surrogates, control characters; invisible characters in names). Stored data never goes
 * through this — only what a window sends.
 */
export function parseCallArgs<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = parseOrThrow(schema, value);
  // What the handler gets is judged: a tab or newline a trimming field drops (pasted from a
  // spreadsheet) is no reason to refuse it.
  const issues = textIssues(schema, parsed);
  if (issues.length > 0) throw new ApiError('invalid_args', `参数无效：${describeIssues(issues)}`, issues);
  return parsed;
}
