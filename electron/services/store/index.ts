// The store's public face; everything else in this folder is its inner workings.
export { openStore } from './open-store';
export { StoreLockedError, StoreVersionError } from './store';
export { selectBackupsToDelete, defaultRetention, PROTECTED_REASONS, PROTECTED_DAYS, type RetentionCandidate, type RetentionOptions } from './retention';
export { defaultHomeDir, resolveDataDir, writePointer, pointerPath, PRODUCT_NAME, POINTER_FILE, type ResolveDataDirOptions } from './location';
export { moveDataFolder, MoveVerifyError, type MoveDataFolderOptions, type MoveResult } from './move-folder';
export { createFileLogger, logDirOf, type FileLogger, type FileLoggerOptions } from './file-logger';
export { storeMigrations, STORE_SCHEMA_VERSION } from './migrations';
export { isValidKey } from './partition-key';
export { partitionLabel, storeMessages } from './messages';
export { nodeStoreFs, type StoreFs } from './store-fs';
export type * from './types';
