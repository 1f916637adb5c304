import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { AboutInfo, LicenseEntry } from '../../../shared/api/about-types';
import { ApiError } from '../../../shared/api/errors';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { logDirOf, PRODUCT_NAME } from '../store';

/** dist/about/about.json as build/scripts/build-about.mjs writes it. */
const buildAboutSchema = z.object({
  version: z.string(),
  builtAt: z.string(),
  licenses: z.array(
    z.object({
      name: z.string(),
      version: z.string(),
      license: z.string(),
      text: z.string().nullable(),
      shippedAs: z.array(z.enum(['dependency', 'bundled', 'runtime'])),
      homepage: z.string().optional(),
    }),
  ),
});
export type BuildAbout = z.infer<typeof buildAboutSchema>;

/**
 * Reads the build's about file once. Missing (sources run without `npm run build`) is null;
 * unreadable or damaged is an error naming the file, never a silent empty licence list.
 */
export function buildAboutReader(file: string | null, read: (file: string) => Promise<string> = (f) => readFile(f, 'utf8')): () => Promise<BuildAbout | null> {
  let cached: Promise<BuildAbout | null> | undefined;
  const load = async (): Promise<BuildAbout | null> => {
    if (!file) return null;
    let text: string;
    try {
      text = await read(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new ApiError('internal', `无法读取构建信息文件 ${file}：${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError('internal', `构建信息文件 ${file} 已损坏（不是有效的 JSON），请重新构建程序`);
    }
    const result = buildAboutSchema.safeParse(parsed);
    if (!result.success) throw new ApiError('internal', `构建信息文件 ${file} 的内容不完整，请重新构建程序`);
    return result.data;
  };
  return () => {
    // A failed read is retried next time (the file may appear after a build).
    cached ??= load().then(
      (value) => {
        if (value === null) cached = undefined;
        return value;
      },
      (error: unknown) => {
        cached = undefined;
        throw error;
      },
    );
    return cached;
  };
}

export function aboutHandlers(ctx: ServiceContext): Pick<Handlers, 'about.info' | 'about.licenses'> {
  const readBuild = buildAboutReader(ctx.aboutFile);
  return {
    'about.info': async (): Promise<AboutInfo> => {
      const build = await readBuild();
      return {
        productName: PRODUCT_NAME,
        version: ctx.version,
        builtAt: build?.builtAt ?? null,
        mode: ctx.mode,
        dataDir: ctx.store.dataDir,
        logDir: logDirOf(ctx.store.dataDir),
      };
    },
    'about.licenses': async (): Promise<LicenseEntry[]> => {
      const build = await readBuild();
      if (!build) throw new ApiError('not_found', '未找到许可证清单：它由 npm run build 生成，请先构建程序');
      return build.licenses;
    },
  };
}
