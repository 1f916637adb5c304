import { z } from 'zod';
import { parseIsoDate } from '../format/dates';
import { idPattern, type IdKind } from './ids';

/**
 * Field builders whose every message names the field in Chinese, including when the field is
 * missing or of the wrong type (zod's generic "expected string, received undefined" names nothing
 * a clerk can act on).
 */

type Label = string;

function typeError(label: Label, what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? `${label}不能为空` : `${label}应为${what}`);
}

export function requiredText(label: Label, max = 100) {
  return z
    .string({ error: typeError(label, '文字') })
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过${max}个字`);
}

/** Optional free text, stored as '' when absent so screens never test for undefined. */
export function optionalText(label: Label, max = 2000) {
  return z
    .string({ error: typeError(label, '文字') })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .default('');
}

export function intField(label: Label, min: number, max: number) {
  return z
    .number({ error: typeError(label, '数字') })
    .int(`${label}应为整数`)
    .min(min, `${label}不能小于${min}`)
    .max(max, `${label}不能大于${max}`);
}

export function yearField(label: Label = '年度') {
  return z
    .number({ error: typeError(label, '四位数的年份') })
    .int(`${label}应为四位数的年份，如2024`)
    .min(1949, `${label}应为四位数的年份，如2024`)
    .max(2100, `${label}应为四位数的年份，如2024`);
}

/** 'YYYY-MM-DD' naming a day that exists; the example in the message is the format to type. */
export function dateField(label: Label) {
  return z
    .string({ error: typeError(label, '日期，格式如 2024-10-28') })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2024-10-28`)
    .refine((s) => parseIsoDate(s) !== null, { message: `${label}不是有效的日期（格式应为 2024-10-28）` });
}

export function enumField<const T extends readonly [string, ...string[]]>(label: Label, values: T) {
  const list = values.join('、');
  return z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === null ? `${label}不能为空` : `${label}应为${list}之一`),
  });
}

export function idField(kind: IdKind, label: Label) {
  return z.string({ error: typeError(label, '编号') }).regex(idPattern(kind), `${label}编号无效`);
}

export function boolField(label: Label) {
  return z.boolean({ error: typeError(label, '是或否') });
}

/** Error parameter for a required sub-object, so its absence is named too. */
export function objectError(label: Label) {
  return { error: typeError(label, '一组设置') };
}
