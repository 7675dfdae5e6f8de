import type { Command } from '../command';
import { apikeyCreate } from './apikey-create';
import { apikeyList } from './apikey-list';
import { apikeyRevoke } from './apikey-revoke';
import { auditVerify } from './audit-verify';
import { demo } from './demo';
import { embed } from './embed';
import { evaluateCommand } from './evaluate';
import { explain } from './explain';
import { adsGenerate } from './ads';
import { importFile } from './import';
import { markets } from './markets';
import { predictEvaluate, predictTrain } from './predict';
import { privacyErase, privacyExport } from './privacy';
import { privacyRewrapKeys, privacyRotateKey } from './privacy-keys';
import { search } from './search';
import { userCreate } from './user-create';
import { workspaceCreate } from './workspace-create';
import { workspaceList } from './workspace-list';

/** Every command, in the order `tailor --help` lists them. Add new commands here. */
export const COMMANDS: readonly Command[] = [
  workspaceCreate,
  workspaceList,
  apikeyCreate,
  apikeyList,
  apikeyRevoke,
  auditVerify,
  demo,
  importFile,
  embed,
  search,
  markets,
  evaluateCommand,
  predictTrain,
  predictEvaluate,
  explain,
  adsGenerate,
  privacyExport,
  privacyErase,
  privacyRotateKey,
  privacyRewrapKeys,
  userCreate,
];
