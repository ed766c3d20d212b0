/** What an account form's server action answers when it does not redirect. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  message?: string;
}

export const emptyFormState: FormState = { values: {}, errors: {} };
