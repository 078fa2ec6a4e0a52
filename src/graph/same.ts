/**
 * `true` exactly when two types hold the same values: `const X: Same<A, B> = true` fails to compile once one side
 * adds or drops a value, which is how the model, the schema's enums and the catalogue format are held together.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
