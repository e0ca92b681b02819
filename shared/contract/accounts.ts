import { z } from 'zod';
import { ROLES, type AccountInfo } from '../domain/account';
import { method } from './method';
import { password, shortText, username } from './fields';

const accountId = z.number().int().positive();

export const accountsContract = {
  'accounts.list': method<AccountInfo[]>()({ input: z.object({}).strict(), access: 'accounts.manage' }),
  'accounts.create': method<AccountInfo>()({
    input: z.object({ username, displayName: shortText(40), role: z.enum(ROLES), password }).strict(),
    access: 'accounts.manage',
  }),
  'accounts.setDisabled': method<AccountInfo>()({
    input: z.object({ id: accountId, disabled: z.boolean() }).strict(),
    access: 'accounts.manage',
  }),
  'accounts.resetPassword': method<AccountInfo>()({
    input: z.object({ id: accountId, password }).strict(),
    access: 'accounts.manage',
  }),
};
