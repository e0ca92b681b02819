// The console's strings are one tree per language in each feature file (renderer/src/i18n). This
// type holds the English tree to the keys of the Chinese one when the file compiles (issue 26:
// nothing made `en` carry the keys of `zh`); tests/unit/i18n/translationKeys.test.ts also holds
// the placeholders, which a type cannot see inside a string.

export type StringTree = { readonly [key: string]: string | StringTree };

type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** An i18next plural form as its key: daysLate_one and daysLate_other are both daysLate (Chinese has one form). */
type BaseKey<K extends string> = K extends `${infer B}_${PluralForm}` ? B : K;

/** Every key path of a tree, plural forms as one ("queue.daysLate"). */
type KeyPaths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${BaseKey<K>}` : KeyPaths<T[K], `${P}${K}.`>;
}[keyof T & string];

type OnlyIn<A, B> = Exclude<KeyPaths<A>, KeyPaths<B>>;

/** Compiles only when both trees have the same keys; otherwise the error names the keys said in one language only. */
type SameKeys<Z, E> = [OnlyIn<Z, E> | OnlyIn<E, Z>] extends [never] ? unknown : { keysInOneLanguageOnly: OnlyIn<Z, E> | OnlyIn<E, Z> };

/** A feature's strings in Chinese and English, held to the same keys at compile time. */
export function bilingual<const Z extends StringTree, const E extends StringTree>(strings: { zh: Z; en: E } & SameKeys<Z, E>): { zh: Z; en: E } {
  return strings;
}
