import type { Caller } from '../services/context';
import { changeFromScreen, enrollFromScreen, windowsOverview } from '../services/office/windowAdminService';
import type { Handlers } from './handlers';

// The Windows / 窗口 screen's methods (issue 23); every one needs windows.manage, so a caller is present.
type WindowMethods = 'windows.list' | 'windows.enroll' | 'windows.revoke' | 'windows.disable' | 'windows.enable' | 'windows.rename';
const must = (caller: Caller | null): Caller => caller!;

export const windowHandlers: Pick<Handlers, WindowMethods> = {
  'windows.list': ({ ctx }) => windowsOverview(ctx),
  'windows.enroll': ({ ctx, caller, input }) => enrollFromScreen(ctx, must(caller), input),
  'windows.revoke': ({ ctx, caller, input }) => changeFromScreen(ctx, must(caller), input.id, { kind: 'revoke' }),
  'windows.disable': ({ ctx, caller, input }) => changeFromScreen(ctx, must(caller), input.id, { kind: 'disable' }),
  'windows.enable': ({ ctx, caller, input }) => changeFromScreen(ctx, must(caller), input.id, { kind: 'enable' }),
  'windows.rename': ({ ctx, caller, input }) => changeFromScreen(ctx, must(caller), input.id, { kind: 'rename', name: input.name }),
};
