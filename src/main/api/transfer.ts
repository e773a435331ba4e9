import type { ApiContext, Handlers } from './context';
import { backupsApi } from './backups';
import { exportsApi } from './exports';
import { importsApi } from './imports';
import { PickedFiles } from './picked-files';

/** Files in and out: imports, deck exports and backups, sharing the files picked in the desktop app's dialogs. */
export function transferApi(ctx: ApiContext) {
  const picked = new PickedFiles(ctx.dialogs);
  return {
    ...importsApi(ctx, picked).handlers,
    ...exportsApi(ctx),
    ...backupsApi(ctx, picked),
  } satisfies Partial<Handlers>;
}
