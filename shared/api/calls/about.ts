import { z } from 'zod';
import { OFFICE, call } from '../define';
import type { AboutInfo, LicenseEntry } from '../about-types';

/** 关于: this copy's version and build, its folders, and the licences of what it ships. */
export const aboutCalls = {
  'about.info': call<AboutInfo>()({ args: z.strictObject({}), roles: OFFICE, summary: '版本、构建日期、数据和日志文件夹' }),
  'about.licenses': call<LicenseEntry[]>()({ args: z.strictObject({}), roles: OFFICE, summary: '随程序分发的第三方软件及其许可证' }),
};
